import { Separation } from '../../../shared/content/child-whereabouts';
import type { CaseDraft } from './case-draft';
import { PlaceFields } from './PlaceFields';
import { optionsOf, SelectField } from './SelectField';
import { TextField } from './TextField';

const BY = optionsOf(Separation.shape.separatedBy.unwrap().options);
const CIRCUMSTANCES = optionsOf(Separation.shape.circumstances.unwrap().options);
const YES_NO_UNKNOWN = optionsOf(['yes', 'no', 'unknown'] as const);

/** Where the child is from, and the date, place and circumstances of separation. */
export const SeparationFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { separation } = draft;
  const set = (patch: Partial<CaseDraft['separation']>) => onChange({ separation: { ...separation, ...patch } });
  return (
    <fieldset>
      <legend>Origin and separation</legend>
      <PlaceFields prefix="Origin" place={draft.origin} onChange={(origin) => onChange({ origin })} />
      <TextField
        label="Date of separation"
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
        The date is approximate
      </label>
      <PlaceFields prefix="Separation place" place={separation.place} onChange={(place) => set({ place })} />
      <SelectField
        label="Separated by"
        value={separation.separatedBy}
        onChange={(separatedBy) => set({ separatedBy })}
        options={BY}
        empty="Not stated"
        testId="separated-by"
      />
      <SelectField
        label="Circumstances"
        value={separation.circumstances}
        onChange={(circumstances) => set({ circumstances })}
        options={CIRCUMSTANCES}
        empty="Not stated"
        testId="separation-circumstances"
      />
      <TextField
        label="What happened"
        value={separation.description}
        onChange={(description) => set({ description })}
        multiline
        testId="separation-description"
      />
      <TextField
        label="Institution of origin"
        value={separation.institutionOfOrigin}
        onChange={(institutionOfOrigin) => set({ institutionOfOrigin })}
      />
      <SelectField
        label="Deprived of parental care at separation"
        value={separation.deprivedOfParentalCare}
        onChange={(deprivedOfParentalCare) => set({ deprivedOfParentalCare })}
        options={YES_NO_UNKNOWN}
        empty="Not stated"
      />
    </fieldset>
  );
};
