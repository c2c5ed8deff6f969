import type { PlaceDraft } from './case-draft';
import { TextField } from './TextField';

/** Country, region, settlement and detail of a place, as precisely as known. */
export const PlaceFields = ({
  place,
  onChange,
  prefix,
}: {
  place: PlaceDraft;
  onChange: (place: PlaceDraft) => void;
  /** Distinguishes the fields of several places on one form (labels and test ids). */
  prefix: string;
}) => (
  <div className="place">
    <TextField
      label={`${prefix}: country (UA, RU…)`}
      value={place.country}
      onChange={(country) => onChange({ ...place, country })}
      maxLength={2}
      testId={`${prefix.toLowerCase().replaceAll(' ', '-')}-country`}
    />
    <TextField
      label={`${prefix}: region or oblast`}
      value={place.region}
      onChange={(region) => onChange({ ...place, region })}
      testId={`${prefix.toLowerCase().replaceAll(' ', '-')}-region`}
    />
    <TextField
      label={`${prefix}: settlement`}
      value={place.settlement}
      onChange={(settlement) => onChange({ ...place, settlement })}
      testId={`${prefix.toLowerCase().replaceAll(' ', '-')}-settlement`}
    />
    <TextField
      label={`${prefix}: detail`}
      value={place.detail}
      onChange={(detail) => onChange({ ...place, detail })}
      testId={`${prefix.toLowerCase().replaceAll(' ', '-')}-detail`}
    />
  </div>
);
