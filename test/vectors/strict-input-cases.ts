/**
 * The gaps an independent verifier found (issue 17), each as a change to the valid sample log and
 * the answer the spec requires. Used by generate-strict-input-vectors.ts; run that script.
 * Entries of the sample log: 0 thread_open (leaf 5), 1 case_open (leaf 6), 2 letter (7), 3 letter
 * (9), 4 minutes (10), 5 acknowledgement (11); envoy 1 rotates at leaf 8. Statements: 0 admin 1
 * (party 1's root), 1 envoy 1, 2 staff, 3 admin 2 (party 2's root), 4 envoy 2.
 */
import type { JsonChange } from '../helpers/json-changes';

/** What a case changes: one record of the sample log, or the bundle as a whole (made by `bundle.ts`). */
export type CaseTarget = RecordTarget | { readonly record: 'bundle'; readonly make: BundleChange };

/** A change to one signed record of the sample log. */
export type RecordTarget = {
  readonly record: 'entry' | 'statement';
  readonly index: number;
  readonly change: JsonChange;
};

/** Changes to the bundle file, its checkpoints or the trusted checkpoints given beside it. */
export type BundleChange =
  | 'bom'
  | 'invalid-utf8-in-origin'
  | 'duplicate-top-level-member'
  | 'top-level-proto-member'
  | 'origin-lone-surrogate'
  | 'note-over-16384-chars'
  | 'signature-line-non-canonical-base64'
  | 'witness-line-malformed'
  | 'witness-line-well-formed'
  | 'consistency-from-0-not-empty'
  | 'consistency-from-0-empty'
  | 'inclusion-over-64-hashes'
  | 'consistency-over-128-hashes'
  | 'trusted-checkpoint-extra-newline'
  | 'trusted-checkpoint-exact'
  | 'trusted-checkpoint-size-0-wrong-root';

/** One case: its name, the rule (spec section) it tests, the change, and what `npm run verify` must name. */
export type StrictInputCase = {
  readonly name: string;
  readonly rule: string;
  readonly description: string;
  readonly target: CaseTarget;
  /** 0 for a positive partner; else the exit code and a subject that must be among the failures. */
  readonly exit: 0 | 1 | 2;
  readonly mustFail?: string;
};

const H = ['header'];
const S = ['signed', 'statement'];
const entry = (index: number, change: JsonChange): RecordTarget => ({ record: 'entry', index, change });
const statement = (index: number, change: JsonChange): RecordTarget => ({ record: 'statement', index, change });
const bundle = (make: BundleChange): CaseTarget => ({ record: 'bundle', make });

/** The leaf of sample entry `index`: after five statements, and a rotation (leaf 8) after the third entry. */
const entryLeaf = (index: number): number => (index < 3 ? index + 5 : index + 6);

const JSON_RULES = 'PROTOCOL.md §1.5; AUDIT-BUNDLE.md §4 step 1';

export const STRICT_INPUT_CASES: readonly StrictInputCase[] = [
  // Forbidden member names, at every level of both signed records.
  ...(
    [
      ['entry-header-proto-member', entry(0, { kind: 'insert-member', at: H, name: '__proto__', json: '{"claimedAt":"2020-01-01T00:00:00.000Z"}' })],
      ['entry-meta-constructor-member', entry(0, { kind: 'insert-member', at: [...H, 'meta'], name: 'constructor', json: '"x"' })],
      ['entry-author-prototype-member', entry(0, { kind: 'insert-member', at: [...H, 'author'], name: 'prototype', json: '"x"' })],
      ['entry-recipient-proto-member', entry(0, { kind: 'insert-member', at: [...H, 'recipients', 0], name: '__proto__', json: '{}' })],
      ['entry-header-duplicate-member', entry(0, { kind: 'insert-member', at: H, name: 'v', json: '1' })],
      ['entry-version-written-1.0', entry(0, { kind: 'replace-text', at: [...H, 'v'], json: '1.0' })],
      ['entry-seq-written-1e0', entry(0, { kind: 'replace-text', at: [...H, 'seq'], json: '1e0' })],
      ['entry-lone-surrogate-member-name', entry(0, { kind: 'insert-member', at: H, name: '\ud800', json: '1' })],
      ['entry-lone-surrogate-in-reference', entry(1, { kind: 'replace-text', at: [...H, 'meta', 'reference'], json: '"C-\\ud800"' })],
    ] as const
  ).map(([name, target]) => ({
    name,
    rule: JSON_RULES,
    description: `A JSON rule broken inside a signed entry whose signature still verifies over the parsed value: ${name}.`,
    target,
    exit: 1 as const,
    mustFail: `entry at leaf ${entryLeaf(target.index)}`,
  })),
  ...(
    [
      ['statement-proto-member', statement(2, { kind: 'insert-member', at: S, name: '__proto__', json: '{}' })],
      ['statement-signature-constructor-member', statement(2, { kind: 'insert-member', at: ['signed', 'signatures', 0], name: 'constructor', json: '1' })],
      ['statement-signed-prototype-member', statement(2, { kind: 'insert-member', at: ['signed'], name: 'prototype', json: '1' })],
      ['statement-name-lone-surrogate', statement(2, { kind: 'replace-text', at: [...S, 'name'], json: '"Sample staff\\ud800"' })],
      ['statement-duplicate-member', statement(2, { kind: 'insert-member', at: S, name: 'seq', json: '1' })],
      ['statement-seq-written-1.0', statement(2, { kind: 'replace-text', at: [...S, 'seq'], json: '1.0' })],
    ] as const
  ).map(([name, target]) => ({
    name,
    rule: JSON_RULES,
    description: `A JSON rule broken inside a signed key statement: ${name}.`,
    target,
    exit: 1 as const,
    mustFail: 'statement at leaf 2',
  })),
  // Value rules, signed as changed: the log is valid but for the rule.
  ...(
    [
      ['entry-claimed-at-impossible', 'PROTOCOL.md §1.1 timestamps', entry(0, { kind: 'set-signed-value', at: [...H, 'claimedAt'], value: '2026-13-45T99:99:99.999Z' })],
      ['entry-claimed-at-30-february', 'PROTOCOL.md §1.1 timestamps', entry(0, { kind: 'set-signed-value', at: [...H, 'claimedAt'], value: '2026-02-30T12:00:00.000Z' })],
      ['entry-id-36-dashes', 'PROTOCOL.md §1.1 UUID grammar', entry(0, { kind: 'set-signed-value', at: [...H, 'id'], value: '-'.repeat(36) })],
      ['entry-id-version-0', 'PROTOCOL.md §1.1 UUID grammar', entry(0, { kind: 'set-signed-value', at: [...H, 'id'], value: '7e000000-0000-0000-8000-0000000000e0' })],
      ['entry-id-upper-case', 'PROTOCOL.md §1.1 UUID grammar', entry(0, { kind: 'set-signed-value', at: [...H, 'id'], value: '7E000000-0000-4000-8000-0000000000E0' })],
      ['entry-claimed-at-missing', 'PROTOCOL.md §4 required members', entry(0, { kind: 'delete-signed-member', at: [...H, 'claimedAt'] })],
      ['entry-meta-members-repeated', 'PROTOCOL.md §4 no repeats', entry(0, { kind: 'set-signed-value', at: [...H, 'meta', 'members'], value: ['a1000000-0000-4000-8000-000000000001', 'a2000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000001'] })],
      ['entry-cases-repeated', 'PROTOCOL.md §4 no repeats', entry(1, { kind: 'set-signed-value', at: [...H, 'cases'], value: ['ca000000-0000-4000-8000-0000000000c1', 'ca000000-0000-4000-8000-0000000000c1'] })],
      ['entry-refs-repeated', 'PROTOCOL.md §4 no repeats', entry(5, { kind: 'set-signed-value', at: [...H, 'refs'], value: ['A'.repeat(43), 'A'.repeat(43)] })],
      ['entry-reference-65-chars', 'PROTOCOL.md §1.1 chars, §4.1', entry(1, { kind: 'set-signed-value', at: [...H, 'meta', 'reference'], value: 'x'.repeat(65) })],
      ['entry-header-not-an-object', 'AUDIT-BUNDLE.md §2.5, §6', entry(0, { kind: 'replace-text', at: H, json: '"not an object"' })],
      ['statement-issued-at-impossible', 'PROTOCOL.md §1.1 timestamps', statement(2, { kind: 'set-signed-value', at: [...S, 'issuedAt'], value: '2026-13-45T99:99:99.999Z' })],
      ['statement-name-121-chars', 'PROTOCOL.md §1.1 chars, §7.1', statement(2, { kind: 'set-signed-value', at: [...S, 'name'], value: 'x'.repeat(121) })],
      ['statement-invitation-36-dashes', 'PROTOCOL.md §1.1 UUID grammar', statement(2, { kind: 'set-signed-value', at: [...S, 'invitation'], value: '-'.repeat(36) })],
    ] as const
  ).map(([name, rule, target]) => ({
    name,
    rule,
    description: `A value the rule refuses, signed by its author, in an otherwise valid log: ${name}.`,
    target,
    exit: 1 as const,
    mustFail: target.record === 'entry' ? `entry at leaf ${entryLeaf(target.index)}` : 'statement at leaf 2',
  })),
  // Positive partners: what the rules allow.
  {
    name: 'entry-reference-64-astral-chars',
    rule: 'PROTOCOL.md §1.1 chars are code points',
    description: 'A reference of 64 emoji (128 UTF-16 units) is 64 characters: valid.',
    target: entry(1, { kind: 'set-signed-value', at: [...H, 'meta', 'reference'], value: '😀'.repeat(64) }),
    exit: 0,
  },
  {
    name: 'statement-name-120-astral-chars',
    rule: 'PROTOCOL.md §1.1 chars are code points',
    description: 'A name of 120 emoji is 120 characters: valid.',
    target: statement(2, { kind: 'set-signed-value', at: [...S, 'name'], value: '😀'.repeat(120) }),
    exit: 0,
  },
  {
    name: 'entry-meta-attachments',
    rule: 'PROTOCOL.md §4.1 EntryMeta.attachments',
    description: 'A letter carrying meta.attachments, as entries with files do: valid.',
    target: entry(2, { kind: 'set-signed-value', at: [...H, 'meta', 'attachments'], value: ['a7000000-0000-4000-8000-0000000000f1'] }),
    exit: 0,
  },
  // The bundle file, its checkpoints and proofs.
  ...(
    [
      ['bundle-byte-order-mark', 'AUDIT-BUNDLE.md §2, PROTOCOL.md §1.5 rule 1', 'bom', 2, undefined],
      ['bundle-invalid-utf8', 'AUDIT-BUNDLE.md §2, PROTOCOL.md §1.5 rule 1', 'invalid-utf8-in-origin', 2, undefined],
      ['bundle-duplicate-top-level-member', 'AUDIT-BUNDLE.md §4 step 1', 'duplicate-top-level-member', 2, undefined],
      ['bundle-top-level-proto-member', 'AUDIT-BUNDLE.md §4 step 1', 'top-level-proto-member', 2, undefined],
      ['bundle-origin-lone-surrogate', 'AUDIT-BUNDLE.md §4 step 1', 'origin-lone-surrogate', 1, 'bundle'],
      ['checkpoint-note-over-16384-chars', 'AUDIT-BUNDLE.md §2.1, §6', 'note-over-16384-chars', 1, 'checkpoint 5'],
      ['checkpoint-signature-non-canonical-base64', 'AUDIT-BUNDLE.md §3.2', 'signature-line-non-canonical-base64', 1, 'checkpoint 5'],
      ['checkpoint-witness-line-malformed', 'AUDIT-BUNDLE.md §3.2', 'witness-line-malformed', 1, 'checkpoint 5'],
      ['checkpoint-witness-line-well-formed', 'AUDIT-BUNDLE.md §3.2', 'witness-line-well-formed', 0, undefined],
      ['consistency-from-0-not-empty', 'AUDIT-BUNDLE.md §3.4, §4 step 4', 'consistency-from-0-not-empty', 1, 'consistency 0 -> 5'],
      ['consistency-from-0-empty', 'AUDIT-BUNDLE.md §3.4, §4 step 4', 'consistency-from-0-empty', 0, undefined],
      ['entry-inclusion-over-64-hashes', 'AUDIT-BUNDLE.md §2.5, §6', 'inclusion-over-64-hashes', 1, 'entry '],
      ['consistency-proof-over-128-hashes', 'AUDIT-BUNDLE.md §2.3, §6', 'consistency-over-128-hashes', 1, 'consistency 5 -> 8'],
      ['trusted-checkpoint-extra-newline', 'AUDIT-BUNDLE.md §3.2, §4 step 6b', 'trusted-checkpoint-extra-newline', 1, 'trusted checkpoint #1'],
      ['trusted-checkpoint-exact', 'AUDIT-BUNDLE.md §3.2, §4 step 6b', 'trusted-checkpoint-exact', 0, undefined],
      ['trusted-checkpoint-size-0-wrong-root', 'AUDIT-BUNDLE.md §4 step 6b', 'trusted-checkpoint-size-0-wrong-root', 1, 'trusted checkpoint 0'],
    ] as const
  ).map(([name, rule, make, exit, mustFail]) => ({
    name,
    rule,
    description: `The bundle or a checkpoint given beside it: ${name}.`,
    target: bundle(make),
    exit,
    ...(mustFail === undefined ? {} : { mustFail }),
  })),
];
