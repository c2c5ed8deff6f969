import { ageOn, hasTurned18 } from '../../../shared/content/age-on';
import { Birth } from '../../../shared/content/child-birth';
import { Sex } from '../../../shared/content/child-identity';
import { AgeBadge } from './AgeBadge';
import { birthOf, type CaseDraft } from './case-draft';
import { optionsOf, SelectField } from './SelectField';
import { TextField } from './TextField';

const MODES = [
  ['unknown', 'Not known'],
  ['exact', 'Date of birth'],
  ['estimated', 'Estimated age'],
] as const;

/** Sex, and a birth date or an estimated age; the age is computed here, in the browser, as typed. */
export const BirthFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { birth } = draft;
  const setBirth = (patch: Partial<CaseDraft['birth']>) => onChange({ birth: { ...birth, ...patch } });
  const parsed = Birth.safeParse(birthOf(birth));
  const now = new Date();
  const age = parsed.success ? ageOn(parsed.data, now) : undefined;
  return (
    <fieldset>
      <legend>Sex and age</legend>
      <SelectField
        label="Sex"
        value={draft.sex}
        onChange={(sex) => onChange({ sex })}
        options={optionsOf(Sex.options)}
        empty="Not known"
        testId="sex"
      />
      <SelectField
        label="Birth"
        value={birth.mode}
        onChange={(mode) => setBirth({ mode: mode || 'unknown' })}
        options={MODES}
        testId="birth-mode"
      />
      {birth.mode === 'exact' ? (
        <TextField
          label="Date of birth"
          type="date"
          value={birth.date}
          onChange={(date) => setBirth({ date })}
          testId="birth-date"
          required
        />
      ) : null}
      {birth.mode === 'estimated' ? (
        <>
          <TextField
            label="At least (years)"
            type="number"
            value={birth.ageMin}
            onChange={(ageMin) => setBirth({ ageMin })}
            testId="age-min"
            required
          />
          <TextField
            label="At most (years)"
            type="number"
            value={birth.ageMax}
            onChange={(ageMax) => setBirth({ ageMax })}
            testId="age-max"
          />
          <TextField
            label="On the date"
            type="date"
            value={birth.asOf}
            onChange={(asOf) => setBirth({ asOf })}
            testId="age-as-of"
            required
          />
          <TextField
            label="Basis of the estimate"
            value={birth.basis}
            onChange={(basis) => setBirth({ basis })}
            hint="Medical assessment, holder's statement…"
          />
        </>
      ) : null}
      {age && parsed.success ? (
        <p className="computed-age">
          Today: <AgeBadge age={{ ...age, hasTurned18: hasTurned18(parsed.data, now) }} />
        </p>
      ) : null}
    </fieldset>
  );
};
