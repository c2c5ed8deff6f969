import { recoveryRoutes } from '../../shared/api/recovery';
import type { CeremonyLimits } from '../auth/ceremony-limits';
import { setSessionCookie } from '../auth/sessions';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import { finishRecovery, issueRecovery, startRecovery } from '../services/recovery';
import { signedIn } from './vault';

export const recoveryHandlers = (context: ServerContext, limits: CeremonyLimits): Implementation[] => [
  implement(recoveryRoutes.createRecovery, ({ params }, { caller }) =>
    issueRecovery(context, signedIn(caller), params.personId),
  ),
  implement(recoveryRoutes.recoveryOptions, ({ body }) => startRecovery(context, body.token)),
  implement(recoveryRoutes.recoveryVerify, async ({ body }, { res }) => {
    await limits.checkCredential(body.response.id);
    const { token, view } = await finishRecovery(context, body.token, body.response);
    setSessionCookie(context, res, token, new Date(view.expiresAt));
    return view;
  }),
];
