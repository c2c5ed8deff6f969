/**
 * A case as its screens show it, derived in the browser from the verified, decrypted chain: the
 * child's names, age and status exist only here, never on the server.
 */
import { ageOn, hasTurned18 } from '../../shared/content/age-on';
import type { CaseOpenContent } from '../../shared/content/case-open-content';
import type { Birth } from '../../shared/content/child-birth';
import type { NameVariant } from '../../shared/content/child-identity';
import { deriveCaseStatus } from '../../shared/content/derive-case-status';
import { correctionsOf, effectiveContent, indexEntries } from '../../shared/content/entry-corrections';
import type { CaseStatus } from '../../shared/content/status-change-content';
import { toContentView, type WithoutKeys } from './content-view';
import { type Names, partyName } from './entry-view';
import type { VerifiedStream } from './read-stream';

/** An age computed from the encrypted birth date or estimate, for today. */
export type AgeView = {
  readonly min: number;
  readonly max: number;
  readonly isEstimated: boolean;
  /** Certainly 18 or over: false while an estimate leaves doubt (age-on.ts). */
  readonly hasTurned18: boolean;
};

/** What the case list shows of one case. */
export type CaseSummary = {
  readonly id: string;
  readonly reference: string;
  readonly partyNames: readonly string[];
  /** Member parties as the signed chain says. */
  readonly memberIds: readonly string[];
  readonly lastActivity: string | null;
  readonly isMember: boolean;
  /** Whether this reader could open the child record. */
  readonly access: 'decrypted' | 'no-access' | 'locked' | 'unreadable';
  readonly displayName?: string;
  readonly nameVariants: readonly string[];
  /** Absent when the status change in force cannot be read here. */
  readonly status?: CaseStatus;
  readonly age?: AgeView;
  /** The birth date or estimate, for filters such as "turning 18 within N days". */
  readonly birth?: Birth;
  /** The region the child is from, as the record says. */
  readonly region?: string;
  /** Every signature and chain link holds. */
  readonly isIntact: boolean;
};

/** The child record in force (after amendments), without file keys. */
export type CaseRecordView = WithoutKeys<CaseOpenContent>;

/** A name variant written out: given, patronymic, family. */
export const formatName = (name: NameVariant): string =>
  [name.given, name.patronymic, name.family].filter((part) => part !== undefined).join(' ');

const recordOf = (verified: VerifiedStream): { record: CaseOpenContent; carrier: string } | undefined => {
  const entries = verified.entries.map(({ entry }) => entry);
  const opening = entries.find((entry) => entry.header.type === 'case_open');
  if (!opening) {
    return undefined;
  }
  const corrections = correctionsOf(opening, indexEntries(entries));
  const content = effectiveContent(opening, corrections);
  const carrier = corrections.amendments.at(-1)?.entryHash ?? opening.entryHash;
  return content?.type === 'case_open' ? { record: content, carrier } : undefined;
};

/**
 * How a case is named on screen: the file number sealed in its record in force, next to the case
 * code from its signed opening header (the server's copy of the code is only a fallback).
 */
export const caseLabel = (verified: VerifiedStream): string => {
  const opening = verified.entries.find(({ entry }) => entry.header.type === 'case_open');
  const code =
    opening?.checks.signature.state === 'valid'
      ? (opening.entry.header.meta.reference ?? verified.stream.reference)
      : verified.stream.reference;
  const fileNumber = recordOf(verified)?.record.fileNumber;
  return fileNumber ? `${fileNumber} · ${code}` : code;
};

/** The record in force, as components may see it. */
export const caseRecordView = (verified: VerifiedStream): CaseRecordView | undefined => {
  const found = recordOf(verified);
  return found && (toContentView(found.record, found.carrier) as CaseRecordView);
};

/** Summarises a verified case stream for `now`. */
export const caseSummary = (verified: VerifiedStream, names: Names, now: Date): CaseSummary => {
  const { stream, entries } = verified;
  const found = recordOf(verified);
  const openingOutcome = entries.find(({ entry }) => entry.header.type === 'case_open')?.content.state ?? 'no-access';
  const status = entries.length > 0 ? deriveCaseStatus(entries.map(({ entry }) => entry)).current?.status : undefined;
  const birth = found?.record.birth;
  const age = birth ? ageOn(birth, now) : undefined;
  const first = found?.record.names[0];
  return {
    id: stream.id,
    reference: stream.reference,
    partyNames: verified.members.map((id) => partyName(names, id)),
    memberIds: verified.members,
    lastActivity: stream.lastActivity,
    isMember: stream.isMember,
    access: found ? 'decrypted' : openingOutcome === 'decrypted' ? 'unreadable' : openingOutcome,
    ...(first ? { displayName: formatName(first) } : found?.record.unknownName ? { displayName: 'Name unknown' } : {}),
    nameVariants: found?.record.names.map(formatName) ?? [],
    ...(status === undefined ? {} : { status }),
    ...(age && birth ? { age: { ...age, hasTurned18: hasTurned18(birth, now) } } : {}),
    ...(birth ? { birth } : {}),
    ...(found?.record.origin?.region ? { region: found.record.origin.region } : {}),
    isIntact: verified.isIntact,
  };
};
