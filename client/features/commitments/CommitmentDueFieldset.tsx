import { SelectField } from '../cases/SelectField';
import { TextField } from '../cases/TextField';
import type { CommitmentDraft } from './commitment-draft';
import type { CommitmentFormOptions } from './commitment-form-options';

const DUE_KINDS = [
  ['at', 'By a date and time of day'],
  ['within_hours', 'Within N hours of an entry'],
  ['within_days', 'Within N days of an entry'],
  ['date', 'By a date (end of day, UTC)'],
] as const;

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
}) => (
  <fieldset>
    <legend>Deadline</legend>
    <SelectField
      label="Due"
      value={draft.dueKind}
      onChange={(dueKind) => onChange({ dueKind: dueKind || 'at' })}
      options={DUE_KINDS}
      testId="commitment-due-kind"
    />
    {draft.dueKind === 'date' ? (
      <TextField
        label="Due date (end of day, UTC)"
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
          label="Date and time of day"
          type="datetime-local"
          value={draft.dueAt}
          onChange={(dueAt) => onChange({ dueAt })}
          required
          testId="commitment-due-at"
        />
        <SelectField
          label="Time zone"
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
            label="Days (whole days)"
            type="number"
            value={draft.dueDays}
            onChange={(dueDays) => onChange({ dueDays })}
            required
            testId="commitment-due-days"
          />
        ) : (
          <TextField
            label="Hours (whole hours)"
            type="number"
            value={draft.dueHours}
            onChange={(dueHours) => onChange({ dueHours })}
            required
            testId="commitment-due-hours"
          />
        )}
        <SelectField
          label="Counted from when the log recorded"
          value={draft.dueOf}
          onChange={(dueOf) => onChange({ dueOf })}
          options={options.entries}
          empty="Choose an entry…"
          required
          testId="commitment-due-of"
        />
      </>
    ) : null}
  </fieldset>
);
