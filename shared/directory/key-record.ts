/**
 * What the key directory knows about one key, one person's chain and one party's root.
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
   * admin: a party's root (or, before party roots, an operator admin). Kept through rotations.
   */
  readonly bootstrap: boolean;
  /**
   * The key is vouched for along its own party's chain: the party's root, or endorsed by admins
   * of the same party whose keys were themselves so vouched for. Every key published under the
   * party-root rules is; a legacy key (published before them) may not be, and then nothing is
   * sealed to it until the party's admins endorse it. Kept through rotations.
   */
  readonly partyEndorsed: boolean;
  /**
   * Log position from which the key counts as endorsed along its party's chain: where it was
   * published, or where an `endorse` statement vouched for it. Absent while it is not.
   */
  readonly endorsedAt?: number;
  /** The admins (person ids) whose signatures published or endorsed this key; empty for a root. */
  readonly endorsedBy: readonly string[];
  /** Published before the deployment adopted party roots (position below its legacy boundary). */
  readonly legacy: boolean;
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

/**
 * A party's root of trust: its first admin, enrolled once from the operator's command line (or,
 * in an upgraded deployment, its earliest admin). Counterparts verify it out of band (the party
 * safety number) and pin it; every later key of the party is endorsed along the party's chain.
 */
export type PartyRecord = {
  readonly party: string;
  /** The root admin's person id. */
  readonly root: string;
  /** The root's first key: what the party safety number is computed over. */
  readonly rootKeyId: string;
  /** Log position of the statement that made the root. */
  readonly since: number;
  /** How many of the party's admins must sign an enrolment, endorsement or revocation. */
  readonly threshold: number;
};
