/**
 * The fixed people, keys and statements of test/vectors/directory-v1.json and membership-v1.json.
 * Used by their generators; run those scripts, never this module. Statements are signed with the
 * real crypto (Ed25519 is deterministic, so a re-run signs the same bytes).
 */
import { type IdentityKeys, identityKeysFromSeeds } from '../../shared/crypto/identity-keys';
import { keyStatementBytes, keyStatementHash, signKeyStatement } from '../../shared/crypto/key-statement';
import { toBase64url } from '../../shared/encoding/bytes';
import type { KeyStatement, SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { Role } from '../../shared/schemas/role';
import { fixedBytes, hex } from './generate-entry-fixtures';

export const PARTY_A = '7a000000-0000-4a00-8a00-00000000000a';
export const PARTY_B = '7b000000-0000-4b00-8b00-00000000000b';
export const PARTY_C = '7c000000-0000-4c00-8c00-00000000000c';
const INVITATION = '1a000000-0000-4000-8000-0000000000f1';
const ISSUED_AT = '2026-12-01T09:00:00.000Z';

/** The people of the vectors: each party's root admin and people, and intruders. */
const CAST = {
  adminA: { person: 'ad000000-0000-4000-8000-00000000000a', party: PARTY_A, role: 'admin' },
  adminA2: { person: 'ad000000-0000-4000-8000-0000000000a2', party: PARTY_A, role: 'admin' },
  envoyA: { person: 'e0000000-0000-4000-8000-00000000000a', party: PARTY_A, role: 'envoy' },
  staffA: { person: '5f000000-0000-4000-8000-00000000000a', party: PARTY_A, role: 'staff' },
  adminB: { person: 'ad000000-0000-4000-8000-00000000000b', party: PARTY_B, role: 'admin' },
  adminB2: { person: 'ad000000-0000-4000-8000-0000000000b2', party: PARTY_B, role: 'admin' },
  envoyB: { person: 'e0000000-0000-4000-8000-00000000000b', party: PARTY_B, role: 'envoy' },
  intruderB: { person: '1d000000-0000-4000-8000-00000000000b', party: PARTY_B, role: 'envoy' },
  adminC: { person: 'ad000000-0000-4000-8000-00000000000c', party: PARTY_C, role: 'admin' },
  envoyC: { person: 'e0000000-0000-4000-8000-00000000000c', party: PARTY_C, role: 'envoy' },
} as const satisfies Record<string, { person: string; party: string; role: Role }>;

export type CastName = keyof typeof CAST;
export const CAST_NAMES = Object.keys(CAST) as CastName[];

/** A key pair of the vectors: a person's `generation`-th keys (0 = first). */
const keyLabel = (name: CastName, generation: number) => (generation === 0 ? name : `${name}#${generation}`);

/** The seeds and keys of a person's `generation`-th key pair. */
export const keysOf = (name: CastName, generation = 0): IdentityKeys =>
  identityKeysFromSeeds(
    fixedBytes(`trust/${keyLabel(name, generation)}/sign`),
    fixedBytes(`trust/${keyLabel(name, generation)}/box`),
  );

/** What the vectors record of one key pair: its seeds (hex), public keys and key id. */
export const identityOf = (name: CastName, generation = 0) => {
  const keys = keysOf(name, generation);
  return {
    ...CAST[name],
    generation,
    signSeedHex: hex(fixedBytes(`trust/${keyLabel(name, generation)}/sign`)),
    boxSeedHex: hex(fixedBytes(`trust/${keyLabel(name, generation)}/box`)),
    signPublicKey: toBase64url(keys.signPublicKey),
    boxPublicKey: toBase64url(keys.boxPublicKey),
    keyId: keys.keyId,
  };
};

/** A signer of a statement: a person with one of their key pairs. */
export type Signer = { readonly name: CastName; readonly generation?: number };

/**
 * Writes the statements of one history in log order, keeping each person's chain head, so a case
 * reads like the history it describes. Only an accepted statement moves its person's head: the log
 * holds a refused one, the directory does not apply it.
 */
export class StatementWriter {
  readonly #heads = new Map<CastName, SignedKeyStatement>();

  /** A statement about `name`'s `generation`-th keys, chained after their head; `fields` override. */
  about(name: CastName, fields: Partial<KeyStatement> = {}, generation = 0): KeyStatement {
    const head = this.#heads.get(name);
    const keys = keysOf(name, generation);
    const { person, party, role } = CAST[name];
    return {
      v: 1,
      kind: head ? 'rotate' : 'enrol',
      person,
      party,
      role,
      name: `Vector ${name}`,
      seq: head ? head.statement.seq + 1 : 1,
      prevHash: head ? keyStatementHash(head) : '',
      keyId: keys.keyId,
      signKey: toBase64url(keys.signPublicKey),
      boxKey: toBase64url(keys.boxPublicKey),
      issuedAt: ISSUED_AT,
      authority: '',
      invitation: head ? '' : INVITATION,
      ...fields,
    };
  }

  /** The statement signed by each signer (a person and one of their key pairs), in order. */
  sign(statement: KeyStatement, signers: readonly Signer[]): SignedKeyStatement {
    return {
      statement,
      signatures: signers.map(({ name, generation = 0 }) => {
        const keys = keysOf(name, generation);
        return signKeyStatement(statement, {
          person: CAST[name].person,
          keyId: keys.keyId,
          signSecretKey: keys.signSecretKey,
        });
      }),
    };
  }

  /** Makes an accepted statement `name`'s chain head. */
  accept(name: CastName, signed: SignedKeyStatement): void {
    this.#heads.set(name, signed);
  }
}

/** The bytes every signer of a statement signs, hex (PROTOCOL.md §7.1). */
export const signingBytesHex = (statement: KeyStatement): string =>
  hex(new Uint8Array([...new TextEncoder().encode('parley/key-statement/v1'), 0, ...keyStatementBytes(statement)]));

/** The person id of a cast member. */
export const personOf = (name: CastName): string => CAST[name].person;

/** The party of a cast member. */
export const partyOf = (name: CastName): string => CAST[name].party;
