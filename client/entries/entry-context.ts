/**
 * What entry logic needs from the signed-in browser: who is acting, what this browser verified
 * (the directory from the log, the server's people and parties as hints checked against it, the
 * sealed list of people and party roots verified), the log monitor, and who confirms new readers.
 * Keys are not in here: they stay in client/crypto/keyring-store and are borrowed only for the
 * moment of signing or opening.
 */
import type { Role } from '../../shared/schemas/role';
import type { Reader } from '../core/recipient-choice';
import type { AcceptedCheckpoint } from '../crypto/directory';
import type { TrustData } from '../trust/trust-context';

export type { AcceptedCheckpoint } from '../crypto/directory';

/** Asked before sealing to anyone the author's last entry in the stream was not sealed to: true to go ahead. */
export type ConfirmNewReaders = (readers: readonly Reader[]) => Promise<boolean>;

export type EntryContext = {
  readonly me: { readonly personId: string; readonly partyId: string; readonly role: Role };
  /** The session's anti-forgery token, for the raw (streamed) attachment upload. */
  readonly csrfToken: string;
  /** As the trust provider last loaded it: for names and the send checks screens show. */
  readonly trust: TrustData;
  /**
   * Brings the pinned log up to date through the log monitor (client/log) and answers the latest
   * checkpoint it accepted, or null when it has none or recorded a failure.
   */
  readonly refreshLog: () => Promise<AcceptedCheckpoint | null>;
  readonly confirmNewReaders: ConfirmNewReaders;
};
