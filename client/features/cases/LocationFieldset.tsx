import { LocationConfidence, PlacementType } from '../../../shared/content/child-whereabouts';
import { useT } from '../../i18n/useT';
import type { CaseDraft } from './case-draft';
import { PlaceFields } from './PlaceFields';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { valueOptions } from './value-labels';

const YES_NO_UNKNOWN = ['yes', 'no', 'unknown'] as const;

/** The last known location and placement, with its own confidence: the most dangerous facts here. */
export const LocationFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { t } = useT(['cases-forms', 'cases-record']);
  const { location } = draft;
  const set = (patch: Partial<CaseDraft['location']>) => onChange({ location: { ...location, ...patch } });
  return (
    <fieldset>
      <legend>{t('location.legend')}</legend>
      <p className="hint">{t('location.hint')}</p>
      <PlaceFields kind="location" place={location.place} onChange={(place) => set({ place })} />
      <TextField
        label={t('location.asOf')}
        type="date"
        value={location.asOf}
        onChange={(asOf) => set({ asOf })}
        testId="location-as-of"
      />
      <SelectField
        label={t('location.placement')}
        value={location.placement}
        onChange={(placement) => set({ placement })}
        options={valueOptions(t, 'placement', PlacementType.options)}
        empty={t('notKnown')}
        testId="location-placement"
      />
      <TextField
        label={t('location.facility')}
        value={location.facility}
        onChange={(facility) => set({ facility })}
        testId="location-facility"
      />
      <SelectField
        label={t('location.confidence')}
        value={location.confidence}
        onChange={(confidence) => set({ confidence })}
        options={valueOptions(t, 'confidence', LocationConfidence.options)}
        empty={t('location.confidenceDefault')}
        testId="location-confidence"
      />
      <TextField label={t('location.source')} value={location.source} onChange={(source) => set({ source })} />
      <TextField
        label={t('location.databaseListing')}
        value={location.databaseListing}
        onChange={(databaseListing) => set({ databaseListing })}
      />
      <SelectField
        label={t('location.naturalised')}
        value={location.naturalised}
        onChange={(naturalised) => set({ naturalised })}
        options={valueOptions(t, 'yesNoUnknown', YES_NO_UNKNOWN)}
        empty={t('notStated')}
      />
    </fieldset>
  );
};
