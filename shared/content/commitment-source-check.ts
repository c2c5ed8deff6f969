/**
 * Whether a commitment rests on what may source one (domain.md §5): a clause of agreed minutes
 * that every party countersigned, or an exchange of two notes (letters or notes verbales) between
 * different parties. Non-papers and memcons are unilateral and never source a commitment.
 */
import { agreedMinutesState } from './agreed-minutes-state';
import type { CommitmentSource } from './commitment-content';
import { type EntryIndex, retractionOf } from './entry-corrections';

/** The verdict on a commitment's source, as far as this reader's entries tell. */
export type SourceCheck =
  | 'ok'
  /** A source entry is not among the reader's entries. */
  | 'missing'
  /** The agreed minutes still await a countersignature. */
  | 'not_agreed'
  /** The agreed minutes have no clause with that number. */
  | 'clause_missing'
  /** A source entry was retracted by its author's party. */
  | 'retracted'
  /** A source that cannot bind: not agreed minutes, a non-paper or memcon, or one party's two notes. */
  | 'not_a_source';

const NOTE_TYPES = new Set(['letter', 'note_verbale']);

/** Checks `source` against the entries in `index`. */
export const checkCommitmentSource = (source: CommitmentSource, index: EntryIndex): SourceCheck => {
  if (source.kind === 'agreed_minutes') {
    const minutes = index.byHash.get(source.entry);
    if (!minutes) {
      return 'missing';
    }
    if (minutes.header.type !== 'agreed_minutes') {
      return 'not_a_source';
    }
    if (retractionOf(minutes, index)) {
      return 'retracted';
    }
    if (!agreedMinutesState([], source.entry, index)?.requested.isAgreed) {
      return 'not_agreed';
    }
    const content = minutes.content;
    return content?.type === 'agreed_minutes' && !content.clauses.some((clause) => clause.number === source.clause)
      ? 'clause_missing'
      : 'ok';
  }
  const notes = source.notes.map((hash) => index.byHash.get(hash));
  const [first, second] = notes;
  if (!first || !second) {
    return 'missing';
  }
  if (
    !notes.every((note) => note && NOTE_TYPES.has(note.header.type)) ||
    first.header.author.party === second.header.author.party
  ) {
    return 'not_a_source';
  }
  return retractionOf(first, index) || retractionOf(second, index) ? 'retracted' : 'ok';
};
