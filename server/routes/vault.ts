import { passkeyRoutes, vaultRoutes } from '../../shared/api/identity';
import type { Caller } from '../auth/caller';
import type { CeremonyLimits } from '../auth/ceremony-limits';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import { ProblemError } from '../problems';
import { removePasskey, startPasskeyRemoval } from '../services/passkey-removal';
import { finishAddPasskey, listPasskeys, startAddPasskey } from '../services/passkeys';
import { listVaults, uploadVault } from '../services/vaults';
import { getVerifications, putVerifications } from '../services/verifications';

/** Every route here is declared person-only; the gatekeeper has already resolved the caller. */
export const signedIn = (caller: Caller | null): Caller => {
  if (!caller) {
    throw new ProblemError('unauthenticated');
  }
  return caller;
};

export const vaultHandlers = (context: ServerContext, limits: CeremonyLimits): Implementation[] => [
  implement(vaultRoutes.getVaults, async (_input, { caller }) => ({
    vaults: await listVaults(context, signedIn(caller).personId),
  })),
  implement(vaultRoutes.putVault, async ({ body }, { caller }) => {
    await uploadVault(context, signedIn(caller), body);
    return undefined;
  }),
  implement(vaultRoutes.getVerifications, async (_input, { caller }) => ({
    verifications: await getVerifications(context, signedIn(caller).personId),
  })),
  implement(vaultRoutes.putVerifications, async ({ body }, { caller }) => {
    await putVerifications(context, signedIn(caller), body);
    return undefined;
  }),
  implement(passkeyRoutes.listPasskeys, async (_input, { caller }) => ({
    passkeys: await listPasskeys(context, signedIn(caller).personId),
  })),
  implement(passkeyRoutes.passkeyOptions, (_input, { caller }) => startAddPasskey(context, signedIn(caller))),
  implement(passkeyRoutes.passkeyVerify, async ({ body }, { caller }) => {
    await limits.checkCredential(body.response.id);
    return finishAddPasskey(context, signedIn(caller), body.response, body.vault);
  }),
  implement(passkeyRoutes.passkeyRemovalChallenge, (_input, { caller }) =>
    startPasskeyRemoval(context, signedIn(caller)),
  ),
  implement(passkeyRoutes.removePasskey, ({ params, body }, { caller }) =>
    removePasskey(context, signedIn(caller), params.credentialId, body),
  ),
];
