import { CaseStatus } from '../../../shared/content/status-change-content';
import { useT } from '../../i18n/useT';
import type { CaseFilters } from './case-filters';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

/** The case list's filters; nothing typed here leaves the browser. */
export const CaseFiltersForm = ({
  filters,
  onChange,
}: {
  filters: CaseFilters;
  onChange: (filters: CaseFilters) => void;
}) => {
  const { t } = useT(['daily', 'case']);
  return (
    <fieldset className="inline-form" data-testid="case-filters">
      <legend>{t('filters.legend')}</legend>
      <SelectField
        label={t('filters.status')}
        value={filters.status}
        onChange={(status) => onChange({ ...filters, status })}
        options={CaseStatus.options.map((status) => [status, t(`case:statuses.${status}`)] as const)}
        empty={t('filters.any')}
        testId="case-filter-status"
      />
      <TextField
        label={t('filters.region')}
        value={filters.region}
        onChange={(region) => onChange({ ...filters, region })}
        testId="case-filter-region"
      />
      <TextField
        label={t('filters.turning18')}
        type="number"
        value={filters.turning18Within}
        onChange={(turning18Within) => onChange({ ...filters, turning18Within })}
        testId="case-filter-turning-18"
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={filters.owedOverdue}
          onChange={(event) => onChange({ ...filters, owedOverdue: event.target.checked })}
          data-testid="case-filter-overdue"
        />
        {t('filters.overdue')}
      </label>
    </fieldset>
  );
};
