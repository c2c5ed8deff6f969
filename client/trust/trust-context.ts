import { createContext } from 'react';
import type { DirectoryState } from '../../shared/directory/index';
import type { PersonView } from '../../shared/schemas/identity';
import type { VerificationRecord } from '../crypto/verifications';

/** What the browser knows about everyone's keys, as it verified them itself. */
export type TrustData = {
  readonly directory: DirectoryState;
  /** The server's list of people (names, parties, status); keys come from `directory` only. */
  readonly people: readonly PersonView[];
  /** This person's verified contacts; null while the keys are locked (the list is sealed). */
  readonly verifications: readonly VerificationRecord[] | null;
  readonly verificationsError: unknown;
};

export type TrustState =
  | { readonly status: 'idle' }
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: unknown }
  | ({ readonly status: 'ready' } & TrustData);

export type TrustContextValue = { readonly state: TrustState; readonly reload: () => void };

export const TrustContext = createContext<TrustContextValue | null>(null);
