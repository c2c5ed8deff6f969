import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { attachments, entries } from '../../../db/schema/index';
import type { EntryHeader } from '../../../shared/schemas/entry';
import { base64url } from '../../encoding/base64url';
import { ProblemError } from '../../problems';
import { findEntriesByHash, findStreams, membersOf } from './stream-state';

type EntryRow = typeof entries.$inferSelect;

const invalid = (detail: string) => new ProblemError('entryInvalid', detail);

const bytesOf = (hash: string) => new Uint8Array(Buffer.from(hash, 'base64url'));

/**
 * Checks what a header says about other records: the entries it references exist where the
 * author can see them, linked cases are cases of the author's party, attachments are the
 * author's own unclaimed uploads, and kind-specific relations (countersignature, receipt,
 * correction) hold.
 */
export const checkRelations = async (
  tx: Tx,
  header: EntryHeader,
  streamsOfAuthor: () => Promise<ReadonlySet<string>>,
): Promise<void> => {
  // Most entries link nothing: the author's streams are read only when something is linked.
  const authorStreams = header.refs.length > 0 || header.cases.length > 0 ? await streamsOfAuthor() : new Set();
  const referenced = await findEntriesByHash(tx, header.refs.map(bytesOf));
  const byHash = new Map(referenced.map((row) => [base64url(row.hash), row]));
  for (const ref of header.refs) {
    const row = byHash.get(ref);
    if (!row || !(authorStreams.has(row.streamId) || row.streamId === header.stream)) {
      throw invalid(`Referenced entry ${ref} does not exist in a stream of your party`);
    }
  }
  const cases = await findStreams(tx, header.cases);
  if (cases.length !== header.cases.length || cases.some((row) => row.kind !== 'case' || !authorStreams.has(row.id))) {
    throw invalid('Linked cases must be cases of your party');
  }
  await checkAttachments(tx, header);
  const target = header.refs[0] === undefined ? undefined : byHash.get(header.refs[0]);
  await checkKindRelation(tx, header, target);
};

const checkAttachments = async (tx: Tx, header: EntryHeader): Promise<void> => {
  for (const id of header.meta.attachments ?? []) {
    // FOR SHARE: the collector of unclaimed uploads waits for this append, then sees the claim.
    const [upload] = await tx.select().from(attachments).where(sql`${attachments.id} = ${id}`).for('share');
    if (!upload || upload.uploadedBy !== header.author.person) {
      throw invalid(`Attachment ${id} is not an upload of yours`);
    }
    const [claimed] = await tx
      .select({ hash: entries.hash })
      .from(entries)
      .where(sql`${entries.header}->'meta'->'attachments' @> ${JSON.stringify([id])}::jsonb`)
      .limit(1);
    if (claimed) {
      throw invalid(`Attachment ${id} already belongs to another entry`);
    }
  }
};

const sameStream = (header: EntryHeader, target: EntryRow | undefined, what: string): EntryRow => {
  if (!target || target.streamId !== header.stream) {
    throw invalid(`A ${header.type} references ${what} in the same stream`);
  }
  return target;
};

const checkKindRelation = async (tx: Tx, header: EntryHeader, target: EntryRow | undefined): Promise<void> => {
  switch (header.type) {
    case 'countersignature':
      return checkCountersignature(tx, header, sameStream(header, target, 'the agreed minutes'));
    case 'acknowledgement': {
      const received = sameStream(header, target, 'the entry it acknowledges');
      if (!received.header.recipients.some((recipient) => recipient.person === header.author.person)) {
        throw invalid('Only a recipient of an entry can acknowledge receiving it');
      }
      return;
    }
    case 'amendment':
    case 'retraction':
      if (sameStream(header, target, 'the entry it corrects').authorParty !== header.author.party) {
        throw invalid("Only the author's party corrects an entry; others dispute it");
      }
      return;
    case 'agreed_minutes': {
      if (target && sameStream(header, target, 'the version it supersedes').type !== 'agreed_minutes') {
        throw invalid('Agreed minutes supersede only agreed minutes');
      }
      const members = await membersOf(tx, header.stream);
      if (!(header.meta.parties ?? []).every((party) => members.has(party))) {
        throw invalid('Every party of agreed minutes is a member of the thread');
      }
      return;
    }
    case 'dispute':
    case 'commitment_update':
      sameStream(header, target, 'the entry it answers');
      return;
    default:
      return;
  }
};

const checkCountersignature = async (tx: Tx, header: EntryHeader, minutes: EntryRow): Promise<void> => {
  if (minutes.type !== 'agreed_minutes') {
    throw invalid('A countersignature must be over the hash of agreed minutes');
  }
  if (!(minutes.header.meta.parties ?? []).includes(header.author.party)) {
    throw invalid('Your party is not a party to these minutes');
  }
  const minutesHash = base64url(minutes.hash);
  const later = await tx
    .select({ type: entries.type, party: entries.authorParty, refs: sql<string[]>`${entries.header}->'refs'` })
    .from(entries)
    .where(sql`${entries.streamId} = ${header.stream} and ${entries.header}->'refs'->>0 = ${minutesHash}`);
  if (later.some((row) => row.type === 'agreed_minutes')) {
    throw invalid('These minutes have been superseded: countersign the new version');
  }
  if (later.some((row) => row.type === 'countersignature' && row.party === header.author.party)) {
    throw new ProblemError('conflict', 'Your party has already countersigned these minutes');
  }
};
