/**
 * How test/vectors/membership-v1.json records a stream: its directory (three parties, each enrolled
 * by its own root) and each entry folded and judged as the verifier does. Used by
 * generate-membership-vectors.ts; run that script, never this module.
 */
import { keyStatementHash } from '../../shared/crypto/key-statement';
import { type DirectoryState, emptyDirectory } from '../../shared/directory/index';
import { toBase64url } from '../../shared/encoding/bytes';
import { applyLegacyMembership } from '../../shared/membership/legacy-membership';
import { applyMembership, NO_MEMBERSHIP, type StreamMembership } from '../../shared/membership/stream-membership';
import { unexpectedRecipients } from '../../shared/membership/stream-readers';
import type { EntryHeader } from '../../shared/schemas/entry';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import { fixedBytes } from './generate-entry-fixtures';
import { type CastName, keysOf, PARTY_A, PARTY_B, partyOf, personOf, StatementWriter } from './generate-trust-fixtures';

/** The header members the membership fold and the recipient rule read. */
export type RuleHeader = Pick<EntryHeader, 'seq' | 'type' | 'meta' | 'refs'> & {
  author: { person: string; party: string };
  recipients: { person: string; keyId: string }[];
};

export type EntryStep = {
  position: number;
  note: string;
  header: RuleHeader;
  entryHash: string;
  membership: {
    outcome: 'accepted' | 'refused';
    reason?: string;
    /** Member parties after the entry (unchanged when it is refused), sorted. */
    membersAfter: string[];
    /** Proposals awaiting consent after the entry: their entry hash and the parties that consented, sorted. */
    pending: { hash: string; consents: string[] }[];
  };
  /** Each recipient who is not a reader at this position, as the reference implementation words it; none: []. */
  recipientProblems: string[];
};

export type MembershipCase = { name: string; description: string; legacyBefore: number; entries: EntryStep[] };

const DIRECTORY: readonly (readonly [CastName, CastName | 'bootstrap'])[] = [
  ['adminA', 'bootstrap'],
  ['envoyA', 'adminA'],
  ['staffA', 'adminA'],
  ['adminB', 'bootstrap'],
  ['envoyB', 'adminB'],
  ['adminC', 'bootstrap'],
  ['envoyC', 'adminC'],
];

/** Each party's root enrols its own people, at positions 0–6. */
export const directoryStatements = (): { position: number; signed: SignedKeyStatement; statementHash: string }[] => {
  const writer = new StatementWriter();
  return DIRECTORY.map(([name, by], position) => {
    const statement = writer.about(name, { authority: by === 'bootstrap' ? 'bootstrap' : personOf(by) });
    const signed = writer.sign(statement, by === 'bootstrap' ? [{ name }] : [{ name }, { name: by }]);
    writer.accept(name, signed);
    return { position, signed, statementHash: keyStatementHash(signed) };
  });
};

const FIRST_ENTRY = DIRECTORY.length;
const sorted = (parties: Iterable<string>) => [...parties].sort();
const recipient = (name: CastName) => ({ person: personOf(name), keyId: keysOf(name).keyId });

/** One stream's entries from the opening one, each folded and its recipients judged as the verifier does. */
export const stream = (name: string, description: string, legacyBefore = 0) => {
  const directory: DirectoryState = emptyDirectory({ legacyBefore });
  for (const { signed, position } of directoryStatements()) {
    const applied = directory.apply(signed, position);
    if (!applied.ok) {
      throw new Error(`${name}: directory statement ${position} refused: ${applied.reason}`);
    }
  }
  let state: StreamMembership = NO_MEMBERSHIP;
  const entries: EntryStep[] = [];
  const write = (
    author: CastName,
    fields: Pick<RuleHeader, 'type'> & Partial<Pick<RuleHeader, 'meta' | 'refs'>>,
    readers: readonly CastName[],
    intended: 'accepted' | 'refused',
    note: string,
  ): string => {
    const position = FIRST_ENTRY + entries.length;
    const entryHash = toBase64url(fixedBytes(`trust/entry/${name}/${entries.length + 1}`));
    const header: RuleHeader = {
      seq: entries.length + 1,
      type: fields.type,
      author: { person: personOf(author), party: partyOf(author) },
      meta: fields.meta ?? {},
      refs: fields.refs ?? [],
      recipients: [author, ...readers].map(recipient).sort((x, y) => (x.person < y.person ? -1 : 1)),
    };
    const asHeader = header as unknown as EntryHeader;
    const step = (position < legacyBefore ? applyLegacyMembership : applyMembership)(state, asHeader, entryHash);
    if ((step.ok ? 'accepted' : 'refused') !== intended) {
      throw new Error(`${name} seq ${header.seq} (${note}): ${step.ok ? 'accepted' : step.reason}`);
    }
    const members = header.seq === 1 && step.ok ? step.state.members : state.members;
    state = step.ok ? step.state : state;
    entries.push({
      position,
      note,
      header,
      entryHash,
      membership: {
        outcome: intended,
        ...(step.ok ? {} : { reason: step.reason }),
        membersAfter: sorted(state.members),
        pending: state.pending.map((proposal) => ({ hash: proposal.hash, consents: sorted(proposal.consents) })),
      },
      recipientProblems: unexpectedRecipients(asHeader, members, directory, position),
    });
    return entryHash;
  };
  return { write, done: (): MembershipCase => ({ name, description, legacyBefore, entries }) };
};

export type Write = ReturnType<typeof stream>['write'];
export const AB = { type: 'thread_open' as const, meta: { members: [PARTY_A, PARTY_B] } };
export const LETTER = { type: 'letter' } as const;
export const open = (write: Write) => write('envoyA', AB, ['envoyB', 'staffA'], 'accepted', 'A opens a thread with B');
