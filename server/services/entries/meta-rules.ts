import { isCaseCode } from '../../../shared/schemas/case-code';
import type { EntryHeader, EntryMeta } from '../../../shared/schemas/entry';
import { ENTRY_RULES, type EntryType } from '../../../shared/schemas/entry-type';
import { ProblemError } from '../../problems';

type MetaField = keyof EntryMeta;

const WITH_FILES: readonly MetaField[] = ['attachments'];

/** The server-visible fields each kind of entry carries: required ones first, then optional ones. */
const META_FIELDS: Readonly<Record<EntryType, { required: readonly MetaField[]; optional: readonly MetaField[] }>> = {
  case_open: { required: ['members', 'reference'], optional: WITH_FILES },
  thread_open: { required: ['members'], optional: [] },
  membership: { required: [], optional: ['add', 'remove'] },
  membership_consent: { required: [], optional: [] },
  status_change: { required: [], optional: [] },
  letter: { required: [], optional: WITH_FILES },
  note_verbale: { required: [], optional: WITH_FILES },
  aide_memoire: { required: [], optional: WITH_FILES },
  non_paper: { required: [], optional: WITH_FILES },
  minutes: { required: [], optional: WITH_FILES },
  evidence: { required: [], optional: WITH_FILES },
  agreed_minutes: { required: ['parties'], optional: WITH_FILES },
  countersignature: { required: ['intent'], optional: [] },
  acknowledgement: { required: [], optional: [] },
  commitment: { required: [], optional: [] },
  commitment_update: { required: [], optional: [] },
  dispute: { required: [], optional: WITH_FILES },
  disclosure: { required: ['grantee'], optional: [] },
  amendment: { required: [], optional: WITH_FILES },
  retraction: { required: [], optional: [] },
};

const invalid = (detail: string) => new ProblemError('entryInvalid', detail);

/**
 * Checks what a header states about itself, before any database lookup: its kind may appear in
 * its stream, opens or extends it as it should, carries its required refs, and has exactly the
 * server-visible fields its kind allows.
 */
export const checkHeaderShape = (header: EntryHeader): void => {
  const rule = ENTRY_RULES[header.type];
  if (!rule.streams.includes(header.streamKind)) {
    throw invalid(`A ${header.type} cannot be written in a ${header.streamKind}`);
  }
  if (rule.opens ? header.seq !== 1 : header.seq === 1) {
    throw invalid(rule.opens ? `A ${header.type} opens a stream at seq 1` : `Seq 1 must be an opening entry`);
  }
  if ((header.seq === 1) !== (header.prevHash === '')) {
    throw invalid('Only the first entry of a stream has no previous hash');
  }
  if (header.refs.length < (rule.minRefs ?? 0)) {
    throw invalid(`A ${header.type} must reference the entry it answers`);
  }
  const { required, optional } = META_FIELDS[header.type];
  const present = (Object.keys(header.meta) as MetaField[]).filter((field) => header.meta[field] !== undefined);
  for (const field of required) {
    if (!present.includes(field)) {
      throw invalid(`A ${header.type} states meta.${field}`);
    }
  }
  for (const field of present) {
    if (!required.includes(field) && !optional.includes(field)) {
      throw invalid(`A ${header.type} does not carry meta.${field}`);
    }
  }
  if (header.type === 'membership' && (header.meta.add?.length ?? 0) + (header.meta.remove?.length ?? 0) === 0) {
    throw invalid('A membership change adds or removes at least one party');
  }
  if (header.meta.reference !== undefined && !isCaseCode(header.meta.reference)) {
    // Anything typed here would sit in clear in the log forever: only a client-drawn code is kept.
    throw invalid('A case_open states meta.reference as a case code such as C-7K2M-Q9XD-4HTR-V0BN, not free text');
  }
  if (header.meta.add?.some((party) => header.meta.remove?.includes(party))) {
    throw invalid('A membership change cannot add and remove the same party');
  }
  if (header.meta.members && !header.meta.members.includes(header.author.party)) {
    throw invalid("The opening entry's members include the author's party");
  }
  if (header.meta.parties && !header.meta.parties.includes(header.author.party)) {
    throw invalid("Agreed minutes list the author's party");
  }
  const unique = <T>(items: readonly T[] | undefined) => !items || new Set(items).size === items.length;
  if (
    !unique(header.refs) ||
    !unique(header.cases) ||
    !unique(header.meta.members) ||
    !unique(header.meta.attachments)
  ) {
    throw invalid('Refs, cases, members and attachments are listed once each');
  }
};
