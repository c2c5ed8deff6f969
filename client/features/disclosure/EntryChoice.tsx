import type { EntryView } from '../../entries/entry-view';
import { ENTRY_TYPE_LABELS, formatInstant } from '../timeline/labels';

/** The entries a member can disclose, as checkboxes; the others are listed, not offered. */
export const EntryChoice = ({
  rows,
  disclosable,
  selected,
  onChange,
  disabled,
}: {
  rows: readonly EntryView[];
  disclosable: ReadonlySet<string>;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  disabled: boolean;
}) => (
  <fieldset className="checkbox-group" data-testid="disclose-entries" disabled={disabled}>
    <legend>Entries to disclose</legend>
    {rows.map((row) => {
      const canDisclose = disclosable.has(row.entryHash);
      return (
        <label key={row.entryHash} className="checkbox" data-testid="disclose-entry" data-seq={row.seq}>
          <input
            type="checkbox"
            value={row.entryHash}
            checked={canDisclose && selected.includes(row.entryHash)}
            disabled={!canDisclose}
            onChange={(event) =>
              onChange(
                event.target.checked ? [...selected, row.entryHash] : selected.filter((hash) => hash !== row.entryHash),
              )
            }
          />{' '}
          #{row.seq} {ENTRY_TYPE_LABELS[row.type]} by {row.author.name} ({row.author.partyName}),{' '}
          {formatInstant(row.claimedAt)}
          {canDisclose ? null : (
            <span className="hint">
              {' '}
              — {row.type === 'disclosure' ? 'a disclosure is never passed on' : 'not sealed to you: you hold no key'}
            </span>
          )}
        </label>
      );
    })}
  </fieldset>
);
