/**
 * What the key directory knows about one key and one person's chain.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import type { Role } from '../schemas/role';

/** One key as the directory knows it, with the log positions that bound its validity. */
export type KeyRecord = {
  readonly keyId: string;
  readonly person: string;
  readonly party: string;
  readonly role: Role;
  /** Display name as of the statement that published this key. */
  readonly name: string;
  /** Ed25519 public key, base64url. */
  readonly signKey: string;
  /** X25519 public key, base64url. */
  readonly boxKey: string;
  /** Log position of the statement that published it. */
  readonly validFrom: number;
  /** Log position of the statement that ended it (rotation or revocation), if any. */
  readonly endedAt?: number;
  readonly endedBy?: 'rotate' | 'revoke';
  /**
   * The person was enrolled by the operator (`authority: 'bootstrap'`), never endorsed by an
   * admin; inherited by the keys they rotate to. Clients show it as "bootstrapped, not endorsed".
   */
  readonly bootstrap: boolean;
};

/** The head of a person's statement chain: what their next statement must extend. */
export type ChainHead = {
  /** `seq` of the person's latest statement. */
  readonly seq: number;
  /** Statement hash (base64url) of the person's latest statement: the next `prevHash`. */
  readonly hash: string;
  /** The person's current key, or null once it is revoked. */
  readonly currentKeyId: string | null;
};
