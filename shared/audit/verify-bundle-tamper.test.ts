import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../crypto/sodium';
import type { AuditBundle } from './bundle';
import { buildSampleBundle, sampleVerifierKey } from './sample-bundle';
import { verifyBundle } from './verify-bundle';

type Path = readonly (string | number)[];
type Scalar = { readonly path: Path; readonly value: string | number };

/** Every string and number in a JSON value, with its path. */
const scalarsOf = (value: unknown, path: Path = []): Scalar[] => {
  if (typeof value === 'string' || typeof value === 'number') {
    return [{ path, value }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => scalarsOf(item, [...path, index]));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => scalarsOf(item, [...path, key]));
  }
  return [];
};

const ROTATIONS = ['0123456789', 'abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '-_'];

/**
 * Another character of the same kind, so that hex stays hex and base64url stays base64url: the
 * change has to be caught by a hash, a signature or a proof, not only by a schema.
 */
const otherCharacter = (character: string): string => {
  const set = ROTATIONS.find((candidates) => candidates.includes(character));
  return set ? (set[(set.indexOf(character) + 1) % set.length] as string) : character === 'A' ? 'B' : 'A';
};

/** One changed character at the start, the middle and the end of a string; one more for a number. */
const mutationsOf = (value: string | number): (string | number)[] => {
  if (typeof value === 'number') {
    return [value + 1];
  }
  if (value === '') {
    return ['A'];
  }
  const positions = [...new Set([0, Math.floor(value.length / 2), value.length - 1])];
  return positions.map((at) => `${value.slice(0, at)}${otherCharacter(value[at] as string)}${value.slice(at + 1)}`);
};

const withValue = (bundle: AuditBundle, path: Path, value: string | number): unknown => {
  const copy = structuredClone(bundle) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1) as string | number] = value;
  return copy;
};

/** The subject a change at `path` must be reported under. */
const expectedSubject = (bundle: AuditBundle, path: Path): RegExp => {
  const [member, index, field] = path;
  const leafOf = (items: readonly { leafIndex: number }[]) => items[index as number]?.leafIndex;
  switch (member) {
    case 'checkpoints':
      return /^checkpoint /;
    case 'consistency':
      return /^consistency \d+ -> \d+$/;
    case 'statements':
      return field === 'leafIndex' ? /./ : new RegExp(`^statement .*leaf ${leafOf(bundle.statements)}\\b`);
    case 'entries':
      return field === 'leafIndex' ? /./ : new RegExp(`^entry .*leaf ${leafOf(bundle.entries)}\\b`);
    case 'streams':
      return /^stream /;
    case 'leaves':
      return /^(leaf \d+|leaves)$/;
    default:
      return /^bundle$/;
  }
};

let bundle: AuditBundle;
let pinned: string;

beforeAll(async () => {
  await initCrypto();
  bundle = buildSampleBundle();
  pinned = sampleVerifierKey();
});

describe('verifyBundle: every single change is caught and named', () => {
  it('fails on a changed character or number anywhere outside the informational logKey, naming the subject', () => {
    const scalars = scalarsOf(bundle).filter(({ path }) => path[0] !== 'logKey');
    const missed: string[] = [];
    const misnamed: string[] = [];
    const covered = new Set<string>();
    let changes = 0;
    for (const { path, value } of scalars) {
      for (const mutated of mutationsOf(value)) {
        changes += 1;
        const result = verifyBundle(withValue(bundle, path, mutated), pinned);
        const label = `${path.join('.')} = ${String(mutated).slice(0, 40)}`;
        if (result.ok) {
          missed.push(label);
        } else if (!result.failures.some(({ subject }) => expectedSubject(bundle, path).test(subject))) {
          misnamed.push(`${label}: ${JSON.stringify(result.failures.slice(0, 3))}`);
        }
        covered.add(path.filter((key) => typeof key === 'string').join('.'));
      }
    }
    // 876 changes over 58 kinds of field in the sample bundle when this was written.
    expect(changes).toBeGreaterThan(800);
    expect(covered.size).toBeGreaterThan(50);
    expect(missed).toEqual([]);
    expect(misnamed).toEqual([]);
    // Every kind of field was changed at least once.
    for (const field of [
      'format',
      'origin',
      'scope.kind',
      'checkpoints',
      'consistency.from',
      'consistency.to',
      'consistency.proof',
      'statements.leafIndex',
      'statements.signed.statement.signKey',
      'statements.signed.statement.authority',
      'statements.signed.signatures.signature',
      'statements.inclusion',
      'entries.header.seq',
      'entries.header.prevHash',
      'entries.header.author.keyId',
      'entries.header.recipients.sealedKey',
      'entries.header.ciphertextHash',
      'entries.header.claimedAt',
      'entries.header.meta.members',
      'entries.header.refs',
      'entries.signature',
      'entries.ciphertext',
      'entries.inclusion',
      'streams.firstSeq',
      'streams.prevHash',
      'streams.lastSeq',
      'leaves',
    ]) {
      expect(covered, field).toContain(field);
    }
  }, 60_000);

  it('fails on any changed character of any checkpoint note, naming a checkpoint', () => {
    bundle.checkpoints.forEach((note, index) => {
      for (let at = 0; at < note.length; at += 1) {
        const changed = `${note.slice(0, at)}${otherCharacter(note[at] as string)}${note.slice(at + 1)}`;
        const result = verifyBundle(withValue(bundle, ['checkpoints', index], changed), pinned);
        expect(result.ok, `checkpoint ${index} offset ${at}`).toBe(false);
        expect(result.failures.some(({ subject }) => subject.startsWith('checkpoint '))).toBe(true);
      }
    });
  }, 60_000);

  // With the leaf list, entry proofs are compared with the rebuilt tree; without it, each is verified by hashing.
  it.each([
    ['with its leaf list', false],
    ['without a leaf list', true],
  ])(
    'fails on any single flipped bit of any proof hash, %s',
    (_, dropLeaves) => {
      const { leaves: _leaves, ...leafless } = bundle;
      const subject = dropLeaves ? leafless : bundle;
      expect(verifyBundle(subject, pinned).ok).toBe(true);
      const proofs: Path[] = [
        ...bundle.consistency.flatMap((item, index) => item.proof.map((_, at) => ['consistency', index, 'proof', at])),
        ...bundle.statements.flatMap((item, index) =>
          item.inclusion.map((_, at) => ['statements', index, 'inclusion', at]),
        ),
        ...bundle.entries.flatMap((item, index) => item.inclusion.map((_, at) => ['entries', index, 'inclusion', at])),
      ];
      expect(proofs.length).toBeGreaterThan(40);
      for (const path of proofs) {
        const original = scalarsOf(bundle).find((scalar) => scalar.path.join('.') === path.join('.'))?.value as string;
        // Flip one bit of the first byte: its low two bits sit in the second base64url character.
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
        const sextet = alphabet.indexOf(original[1] as string) ^ 0b010000;
        const flipped = `${original[0]}${alphabet[sextet]}${original.slice(2)}`;
        const result = verifyBundle(withValue(subject as typeof bundle, path, flipped), pinned);
        expect(result.ok, path.join('.')).toBe(false);
        expect(
          result.failures.some(({ subject }) => expectedSubject(bundle, path).test(subject)),
          path.join('.'),
        ).toBe(true);
      }
    },
    60_000,
  );
});
