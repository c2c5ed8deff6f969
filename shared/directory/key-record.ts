import type { Role } from '../schemas/role';

/** One key as the directory knows it, with the log positions that bound its validity. */
export type KeyRecord = {
  readonly keyId: string;
  readonly person: string;
  readonly party: string;
  readonly role: Role;
  readonly name: string;
  readonly signKey: string;
  readonly boxKey: string;
  /** Log position of the statement that published it. */
  readonly validFrom: number;
  /** Log position of the statement that ended it (rotation or revocation), if any. */
  readonly endedAt?: number;
  readonly endedBy?: 'rotate' | 'revoke';
  /** Published by an operator-bootstrapped admin without an admin's endorsement. */
  readonly bootstrap: boolean;
};

/** The head of a person's statement chain. */
export type ChainHead = { readonly seq: number; readonly hash: string; readonly currentKeyId: string | null };
