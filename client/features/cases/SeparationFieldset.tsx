import { Separation } from '../../../shared/content/child-whereabouts';
import { useT } from '../../i18n/useT';
import type { CaseDraft } from './case-draft';
import { PlaceFields } from './PlaceFields';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { valueOptions } from './value-labels';

const BY = Separation.shape.separatedBy.unwrap().options;
const CIRCUMSTANCES = Separation.shape.circumstances.unwrap().options;
const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

/** Where the child is from, and the date, place and circumstances of separation. */
export const SeparationFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { t } = useT(['cases-forms', 'cases-record']);
  const { separation } = draft;
  const set = (patch: Partial<CaseDraft['separation']>) => onChange({ separation: { ...separation, ...patch } });
  return (
    <fieldset>
      <legend>{t('separation.legend')}</legend>
      <PlaceFields kind="origin" place={draft.origin} onChange={(origin) => onChange({ origin })} />
      <TextField
        label={t('separation.date')}
        type="date"
        value={separation.date}
        onChange={(date) => set({ date })}
        testId="separation-date"
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={separation.dateApproximate}
          onChange={(event) => set({ dateApproximate: event.target.checked })}
        />{' '}
        {t('separation.approximate')}
      </label>
      <PlaceFields kind="separationPlace" place={separation.place} onChange={(place) => set({ place })} />
      <SelectField
        label={t('separation.separatedBy')}
        value={separation.separatedBy}
        onChange={(separatedBy) => set({ separatedBy })}
        options={valueOptions(t, 'separatedBy', BY)}
        empty={t('notStated')}
        testId="separated-by"
      />
      <SelectField
        label={t('separation.circumstances')}
        value={separation.circumstances}
        onChange={(circumstances) => set({ circumstances })}
        options={valueOptions(t, 'circumstances', CIRCUMSTANCES)}
        empty={t('notStated')}
        testId="separation-circumstances"
      />
      <TextField
        label={t('separation.description')}
        value={separation.description}
        onChange={(description) => set({ description })}
        multiline
        testId="separation-description"
      />
      <TextField
        label={t('separation.institution')}
        value={separation.institutionOfOrigin}
        onChange={(institutionOfOrigin) => set({ institutionOfOrigin })}
      />
      <SelectField
        label={t('separation.deprived')}
        value={separation.deprivedOfParentalCare}
        onChange={(deprivedOfParentalCare) => set({ deprivedOfParentalCare })}
        options={valueOptions(t, 'yesNoUnknown', YES_NO_UNKNOWN)}
        empty={t('notStated')}
      />
    </fieldset>
  );
};
