/**
 * What entry logic needs from the signed-in browser: who is acting, the key directory this
 * browser verified itself, the people list, the sealed list of verified contacts, and the log
 * monitor. Keys are not in here: they stay in client/crypto/keyring-store and are borrowed only
 * for the moment of signing or opening.
 */
import type { DirectoryState } from '../../shared/directory/index';
import type { PersonView } from '../../shared/schemas/identity';
import type { Role } from '../../shared/schemas/role';
import type { VerificationRecord } from '../crypto/verifications';

/** A checkpoint the log monitor accepted: its size and root (standard base64, as in the note). */
export type AcceptedCheckpoint = { readonly treeSize: number; readonly rootHash: string; readonly note: string };

export type EntryContext = {
  readonly me: { readonly personId: string; readonly partyId: string; readonly role: Role };
  /** The session's anti-forgery token, for the raw (streamed) attachment upload. */
  readonly csrfToken: string;
  readonly directory: DirectoryState;
  /** The server's list of people (names, parties, status); keys come from `directory` only. */
  readonly people: readonly PersonView[];
  /** Verified contacts; null while the keys are locked (the list is sealed). */
  readonly verifications: readonly VerificationRecord[] | null;
  /**
   * Brings the pinned log up to date through the log monitor (client/log) and answers the latest
   * checkpoint it accepted, or null when it has none or recorded a failure.
   */
  readonly refreshLog: () => Promise<AcceptedCheckpoint | null>;
};
