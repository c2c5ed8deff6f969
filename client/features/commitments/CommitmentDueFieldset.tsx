import { useT } from '../../i18n/useT';
import { SelectField } from '../cases/SelectField';
import { TextField } from '../cases/TextField';
import type { CommitmentDraft } from './commitment-draft';
import type { CommitmentFormOptions } from './commitment-form-options';

const DUE_KINDS = ['at', 'within_hours', 'within_days', 'date'] as const;

/** Time zones this browser knows, for the deadline's wall clock. */
const ZONES: readonly (readonly [string, string])[] = (() => {
  const names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return [...new Set(['UTC', 'Europe/Kyiv', 'Europe/Moscow', ...names])].map((zone) => [zone, zone] as const);
})();

/** When the commitment is due, as it was said: a time of day and its zone, or a span after an entry. */
export const CommitmentDueFieldset = ({
  draft,
  options,
  onChange,
}: {
  draft: CommitmentDraft;
  options: CommitmentFormOptions;
  onChange: (patch: Partial<CommitmentDraft>) => void;
}) => {
  const { t } = useT('daily');
  return (
    <fieldset>
      <legend>{t('due.legend')}</legend>
      <SelectField
        label={t('due.kindLabel')}
        value={draft.dueKind}
        onChange={(dueKind) => onChange({ dueKind: dueKind || 'at' })}
        options={DUE_KINDS.map((kind) => [kind, t(`due.kind.${kind}`)] as const)}
        testId="commitment-due-kind"
      />
      {draft.dueKind === 'date' ? (
        <TextField
          label={t('due.date')}
          type="date"
          value={draft.dueDate}
          onChange={(dueDate) => onChange({ dueDate })}
          required
          testId="commitment-due-date"
        />
      ) : null}
      {draft.dueKind === 'at' ? (
        <>
          <TextField
            label={t('due.at')}
            type="datetime-local"
            value={draft.dueAt}
            onChange={(dueAt) => onChange({ dueAt })}
            required
            testId="commitment-due-at"
          />
          <SelectField
            label={t('due.zone')}
            value={draft.dueZone}
            onChange={(dueZone) => onChange({ dueZone })}
            options={ZONES}
            required
            testId="commitment-due-zone"
          />
        </>
      ) : null}
      {draft.dueKind === 'within_days' || draft.dueKind === 'within_hours' ? (
        <>
          {draft.dueKind === 'within_days' ? (
            <TextField
              label={t('due.days')}
              type="number"
              value={draft.dueDays}
              onChange={(dueDays) => onChange({ dueDays })}
              required
              testId="commitment-due-days"
            />
          ) : (
            <TextField
              label={t('due.hours')}
              type="number"
              value={draft.dueHours}
              onChange={(dueHours) => onChange({ dueHours })}
              required
              testId="commitment-due-hours"
            />
          )}
          <SelectField
            label={t('due.of')}
            value={draft.dueOf}
            onChange={(dueOf) => onChange({ dueOf })}
            options={options.entries}
            empty={t('due.chooseEntry')}
            required
            testId="commitment-due-of"
          />
        </>
      ) : null}
    </fieldset>
  );
};
