import { createContext } from 'react';
import type { DirectoryState } from '../../shared/directory/index';
import type { PartyView, PersonView } from '../../shared/schemas/identity';
import type { PeopleHintConflict } from '../core/people-hints';
import type { VerifiedContacts } from '../crypto/verifications';

/** What the browser knows about everyone's keys, as it verified them itself from the log. */
export type TrustData = {
  /** Proven under the checkpoint the log monitor accepted: the only source of keys, parties and roles. */
  readonly directory: DirectoryState;
  /** The server's list of people: names and who is pending, a hint for display only. */
  readonly people: readonly PersonView[];
  /** The server's list of parties: names for display only. */
  readonly parties: readonly PartyView[];
  /** Everyone the server's list describes otherwise than the directory: a blocking warning names them. */
  readonly conflicts: readonly PeopleHintConflict[];
  /** People and party roots this person verified; null while the keys are locked (the list is sealed). */
  readonly verifications: VerifiedContacts | null;
  readonly verificationsError: unknown;
};

export type TrustState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | ({ readonly status: 'ready' } & TrustData);

export type TrustContextValue = { readonly state: TrustState; readonly reload: () => void };

/** A pending person has no key statements in the log yet: there is no directory to verify. */
export class AwaitingEndorsementError extends Error {
  constructor() {
    super(
      'The key directory opens once your inviting admin has endorsed your keys: until then there is nothing to verify.',
    );
    this.name = 'AwaitingEndorsementError';
  }
}

export const TrustContext = createContext<TrustContextValue | null>(null);
