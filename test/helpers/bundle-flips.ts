import type { AuditBundle } from '../../shared/audit/bundle';

type Path = readonly (string | number)[];

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The character after `char` in its own alphabet (base64url, digits, hex), or its code XOR 1. */
const nextChar = (char: string): string => {
  const index = BASE64URL.indexOf(char);
  return index === -1 ? String.fromCharCode(char.charCodeAt(0) ^ 1) : (BASE64URL[(index + 1) % 64] as string);
};

/** Distinct one-character (or one-unit) changes of a value: its first, middle and last character. */
const flipsOf = (value: string | number): (string | number)[] => {
  if (typeof value === 'number') {
    return [value + 1, value ^ 1];
  }
  const positions = [...new Set([0, Math.floor(value.length / 2), value.length - 1])].filter((at) => at >= 0);
  return positions.map((at) => value.slice(0, at) + nextChar(value.charAt(at)) + value.slice(at + 1));
};

/** Every string or number inside `value`, with its path below `path`. */
const leavesOf = (value: unknown, path: Path): [Path, string | number][] => {
  if (typeof value === 'string' || typeof value === 'number') {
    return [[path, value]];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => leavesOf(item, [...path, index]));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...path, key]));
  }
  return [];
};

/** The signed and proven parts of a bundle: every signature, header, statement, checkpoint and proof. */
const flipTargets = (bundle: AuditBundle): [Path, string | number][] => [
  ...bundle.checkpoints.map((note, index): [Path, string] => [['checkpoints', index], note]),
  ...bundle.consistency.flatMap((proof, index) => leavesOf(proof, ['consistency', index])),
  ...bundle.statements.flatMap((statement, index) => leavesOf(statement, ['statements', index])),
  ...bundle.entries.flatMap((entry, index) => leavesOf(entry, ['entries', index])),
];

const withValue = (bundle: AuditBundle, path: Path, value: string | number): unknown => {
  const copy = structuredClone(bundle) as unknown as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) {
    node = node[key] as Record<string | number, unknown>;
  }
  node[path.at(-1) as string | number] = value;
  return copy;
};

/** What {@link flipEverySignedPart} tried and which changes went unnoticed. */
export type FlipOutcome = {
  /** How many single changes were tried. */
  readonly flips: number;
  /** Each change `verifies` accepted, as `path: old -> new`: a verifier that misses nothing leaves this empty. */
  readonly survivors: readonly string[];
  /** The kinds of field changed, as `member.field` (`entries.signature`, `checkpoints.`, …). */
  readonly kinds: ReadonlySet<string>;
};

/**
 * Changes one character (or one unit of a number) at the start, middle and end of every string
 * and number inside the bundle's checkpoints, consistency proofs, statements and entries, one
 * change at a time, and asks `verifies` about each changed copy.
 */
export const flipEverySignedPart = (bundle: AuditBundle, verifies: (changed: unknown) => boolean): FlipOutcome => {
  const targets = flipTargets(bundle);
  const survivors: string[] = [];
  let flips = 0;
  for (const [path, value] of targets) {
    for (const flipped of flipsOf(value)) {
      flips += 1;
      if (verifies(withValue(bundle, path, flipped))) {
        survivors.push(`${path.join('.')}: ${JSON.stringify(value)} -> ${JSON.stringify(flipped)}`);
      }
    }
  }
  return { flips, survivors, kinds: new Set(targets.map(([path]) => `${path[0]}.${path[2] ?? ''}`)) };
};

/** The field kinds a bundle with entries, statements and more than one checkpoint must have had changed. */
export const SIGNED_PART_KINDS = [
  'checkpoints.',
  'consistency.proof',
  'statements.signed',
  'statements.inclusion',
  'entries.header',
  'entries.signature',
  'entries.inclusion',
  'entries.leafIndex',
] as const;
