import type { ReactNode } from 'react';
import type { CaseRecordView } from '../../entries/case-view';
import { useT } from '../../i18n/useT';
import { FilePicker } from '../attachments/FilePicker';
import { BirthFieldset } from './BirthFieldset';
import { ChildRecord } from './ChildRecord';
import { ConsentFieldset } from './ConsentFieldset';
import { toCaseOpenContent } from './case-content';
import type { CaseDraft } from './case-draft';
import { IdentityFieldset } from './IdentityFieldset';
import { LocationFieldset } from './LocationFieldset';
import { NamesFieldset } from './NamesFieldset';
import type { OpenCaseStep } from './open-case-steps';
import { RelativesFieldset } from './RelativesFieldset';
import { SeparationFieldset } from './SeparationFieldset';
import { TextField } from './TextField';

/**
 * The fieldsets of one step of the open-case form. `parties` is the first step's reference and
 * party fieldset, which the page builds (it holds the drawn code and the recipients' check).
 */
export const OpenCaseStepFields = ({
  step,
  draft,
  onChange,
  photos,
  onPhotos,
  parties,
}: {
  step: OpenCaseStep;
  draft: CaseDraft;
  onChange: (patch: Partial<CaseDraft>) => void;
  photos: readonly File[];
  onPhotos: (photos: File[]) => void;
  parties: ReactNode;
}) => {
  const { t } = useT('forms');
  const { t: tc } = useT('cases-forms');
  switch (step) {
    case 'parties':
      return parties;
    case 'child':
      return (
        <>
          <NamesFieldset draft={draft} onChange={onChange} />
          <BirthFieldset draft={draft} onChange={onChange} />
        </>
      );
    case 'separation':
      return (
        <>
          <SeparationFieldset draft={draft} onChange={onChange} />
          <LocationFieldset draft={draft} onChange={onChange} />
        </>
      );
    case 'family':
      return (
        <>
          <RelativesFieldset draft={draft} onChange={onChange} />
          <IdentityFieldset draft={draft} onChange={onChange} />
          <ConsentFieldset draft={draft} onChange={onChange} />
        </>
      );
    case 'review':
      return (
        <>
          <fieldset>
            <legend>{tc('openCase.photosAndNotes')}</legend>
            <FilePicker
              label={tc('openCase.photos')}
              accept="image/*"
              files={photos}
              onChange={onPhotos}
              testId="photo-input"
            />
            <TextField
              label={tc('openCase.notes')}
              value={draft.notes}
              onChange={(notes) => onChange({ notes })}
              multiline
            />
          </fieldset>
          <section aria-label={t('openCase.review')} data-testid="case-review">
            <p className="hint">{t('openCase.reviewHint')}</p>
            <ChildRecord record={toCaseOpenContent(draft) as CaseRecordView} testId="case-review-record" />
          </section>
        </>
      );
  }
};
