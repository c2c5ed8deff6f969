import { useT } from '../../i18n/useT';
import type { PlaceDraft } from './case-draft';
import { TextField } from './TextField';

/** Which place of the record the fields are for: names their labels and test ids. */
type PlaceKind = 'location' | 'origin' | 'separationPlace';

const TEST_ID_PREFIX: Readonly<Record<PlaceKind, string>> = {
  location: 'location',
  origin: 'origin',
  separationPlace: 'separation-place',
};

/** Country, region, settlement and detail of a place, as precisely as known. */
export const PlaceFields = ({
  place,
  onChange,
  kind,
}: {
  place: PlaceDraft;
  onChange: (place: PlaceDraft) => void;
  /** Distinguishes the fields of several places on one form (labels and test ids). */
  kind: PlaceKind;
}) => {
  const { t } = useT('cases-forms');
  const name = t(`place.${kind}`);
  const testId = TEST_ID_PREFIX[kind];
  return (
    <div className="place">
      <TextField
        label={t('place.country', { place: name })}
        value={place.country}
        onChange={(country) => onChange({ ...place, country })}
        maxLength={2}
        testId={`${testId}-country`}
      />
      <TextField
        label={t('place.region', { place: name })}
        value={place.region}
        onChange={(region) => onChange({ ...place, region })}
        testId={`${testId}-region`}
      />
      <TextField
        label={t('place.settlement', { place: name })}
        value={place.settlement}
        onChange={(settlement) => onChange({ ...place, settlement })}
        testId={`${testId}-settlement`}
      />
      <TextField
        label={t('place.detail', { place: name })}
        value={place.detail}
        onChange={(detail) => onChange({ ...place, detail })}
        testId={`${testId}-detail`}
      />
    </div>
  );
};
