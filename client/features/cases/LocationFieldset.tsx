import { LocationConfidence, PlacementType } from '../../../shared/content/child-whereabouts';
import type { CaseDraft } from './case-draft';
import { PlaceFields } from './PlaceFields';
import { optionsOf, SelectField } from './SelectField';
import { TextField } from './TextField';

const YES_NO_UNKNOWN = optionsOf(['yes', 'no', 'unknown'] as const);

/** The last known location and placement, with its own confidence: the most dangerous facts here. */
export const LocationFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { location } = draft;
  const set = (patch: Partial<CaseDraft['location']>) => onChange({ location: { ...location, ...patch } });
  return (
    <fieldset>
      <legend>Last known location and placement</legend>
      <p className="hint">
        Location can endanger a transfer: it is encrypted here and readable only by the member parties' people.
      </p>
      <PlaceFields prefix="Location" place={location.place} onChange={(place) => set({ place })} />
      <TextField
        label="Known as of"
        type="date"
        value={location.asOf}
        onChange={(asOf) => set({ asOf })}
        testId="location-as-of"
      />
      <SelectField
        label="Placement"
        value={location.placement}
        onChange={(placement) => set({ placement })}
        options={optionsOf(PlacementType.options)}
        empty="Not known"
        testId="location-placement"
      />
      <TextField
        label="Facility"
        value={location.facility}
        onChange={(facility) => set({ facility })}
        testId="location-facility"
      />
      <SelectField
        label="Confidence"
        value={location.confidence}
        onChange={(confidence) => set({ confidence })}
        options={optionsOf(LocationConfidence.options)}
        empty="Unconfirmed (default)"
        testId="location-confidence"
      />
      <TextField label="Source of the location" value={location.source} onChange={(source) => set({ source })} />
      <TextField
        label="Listing in the holding side's database"
        value={location.databaseListing}
        onChange={(databaseListing) => set({ databaseListing })}
      />
      <SelectField
        label="Given the holding state's citizenship"
        value={location.naturalised}
        onChange={(naturalised) => set({ naturalised })}
        options={YES_NO_UNKNOWN}
        empty="Not stated"
      />
    </fieldset>
  );
};
