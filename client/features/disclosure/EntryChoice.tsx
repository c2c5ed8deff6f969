import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';

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
}) => {
  const { t } = useT(['disclosure', 'timeline']);
  const format = useUtcFormat();
  return (
    <fieldset className="checkbox-group" data-testid="disclose-entries" disabled={disabled}>
      <legend>{t('choice.legend')}</legend>
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
                  event.target.checked
                    ? [...selected, row.entryHash]
                    : selected.filter((hash) => hash !== row.entryHash),
                )
              }
            />{' '}
            {t('choice.row', {
              seq: row.seq,
              type: t(`timeline:entryType.${row.type}`),
              name: row.author.name,
              party: row.author.partyName,
              time: format.instant(row.claimedAt),
            })}
            {canDisclose ? null : (
              <span className="hint"> — {row.type === 'disclosure' ? t('choice.disclosure') : t('choice.noKey')}</span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
};
