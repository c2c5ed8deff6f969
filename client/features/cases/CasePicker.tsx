import type { CaseSummary } from '../../entries/case-view';
import { useT } from '../../i18n/useT';
import { CheckboxGroup } from './CheckboxGroup';

/** Chooses cases of the caller's party that an entry concerns (its header's `cases`). */
export const CasePicker = ({
  legend,
  cases,
  selected,
  onChange,
  locked = [],
}: {
  legend: string;
  cases: readonly CaseSummary[];
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  locked?: readonly string[];
}) => {
  const { t } = useT('cases-forms');
  const own = cases.filter((item) => item.isMember);
  return own.length === 0 ? (
    <p className="hint">{t('casePicker.none')}</p>
  ) : (
    <CheckboxGroup
      legend={legend}
      options={own.map(
        (item) => [item.id, item.displayName ? `${item.reference} — ${item.displayName}` : item.reference] as const,
      )}
      selected={selected}
      onChange={onChange}
      locked={locked}
      testId="case-picker"
    />
  );
};
