import { ageOn, hasTurned18 } from '../../../shared/content/age-on';
import { Birth } from '../../../shared/content/child-birth';
import { Sex } from '../../../shared/content/child-identity';
import { useT } from '../../i18n/useT';
import { AgeBadge } from './AgeBadge';
import { birthOf, type CaseDraft } from './case-draft';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { valueOptions } from './value-labels';

/** Sex, and a birth date or an estimated age; the age is computed here, in the browser, as typed. */
export const BirthFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { t } = useT(['cases-forms', 'cases-record']);
  const { birth } = draft;
  const setBirth = (patch: Partial<CaseDraft['birth']>) => onChange({ birth: { ...birth, ...patch } });
  const parsed = Birth.safeParse(birthOf(birth));
  const now = new Date();
  const age = parsed.success ? ageOn(parsed.data, now) : undefined;
  return (
    <fieldset>
      <legend>{t('birth.legend')}</legend>
      <SelectField
        label={t('birth.sex')}
        value={draft.sex}
        onChange={(sex) => onChange({ sex })}
        options={valueOptions(t, 'sex', Sex.options)}
        empty={t('notKnown')}
        testId="sex"
      />
      <SelectField
        label={t('birth.birth')}
        value={birth.mode}
        onChange={(mode) => setBirth({ mode: mode || 'unknown' })}
        options={[
          ['unknown', t('birth.modeUnknown')],
          ['exact', t('birth.modeExact')],
          ['estimated', t('birth.modeEstimated')],
        ]}
        testId="birth-mode"
      />
      {birth.mode === 'exact' ? (
        <TextField
          label={t('birth.dateOfBirth')}
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
            label={t('birth.ageMin')}
            type="number"
            value={birth.ageMin}
            onChange={(ageMin) => setBirth({ ageMin })}
            testId="age-min"
            required
          />
          <TextField
            label={t('birth.ageMax')}
            type="number"
            value={birth.ageMax}
            onChange={(ageMax) => setBirth({ ageMax })}
            testId="age-max"
          />
          <TextField
            label={t('birth.asOf')}
            type="date"
            value={birth.asOf}
            onChange={(asOf) => setBirth({ asOf })}
            testId="age-as-of"
            required
          />
          <TextField
            label={t('birth.basis')}
            value={birth.basis}
            onChange={(basis) => setBirth({ basis })}
            hint={t('birth.basisHint')}
          />
        </>
      ) : null}
      {age && parsed.success ? (
        <p className="computed-age">
          {t('birth.today')} <AgeBadge age={{ ...age, hasTurned18: hasTurned18(parsed.data, now) }} />
        </p>
      ) : null}
    </fieldset>
  );
};
