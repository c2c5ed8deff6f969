import { Relation, Relative } from '../../../shared/content/child-relations';
import { useT } from '../../i18n/useT';
import { type CaseDraft, emptyRelative, type RelativeDraft } from './case-draft';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { valueOptions } from './value-labels';

/** Parents, guardians, siblings and others: how to reach them, and whether they consented. */
export const RelativesFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { t } = useT(['cases-forms', 'cases-record']);
  const set = (index: number, patch: Partial<RelativeDraft>) =>
    onChange({
      relatives: draft.relatives.map((relative, other) => (other === index ? { ...relative, ...patch } : relative)),
    });
  return (
    <fieldset>
      <legend>{t('relatives.legend')}</legend>
      {draft.relatives.map((relative, index) => (
        <div className="row-group" key={index} data-testid="relative">
          <SelectField
            label={t('relatives.relation')}
            value={relative.relation}
            onChange={(relation) => set(index, { relation })}
            options={valueOptions(t, 'relation', Relation.options)}
            testId={`relative-relation-${index}`}
          />
          <TextField
            label={t('relatives.name')}
            value={relative.name}
            onChange={(name) => set(index, { name })}
            testId={`relative-name-${index}`}
          />
          <SelectField
            label={t('relatives.legalGuardian')}
            value={relative.isLegalGuardian}
            onChange={(isLegalGuardian) => set(index, { isLegalGuardian })}
            options={valueOptions(t, 'yesNoUnknown', ['yes', 'no'] as const)}
            empty={t('notStated')}
          />
          <TextField
            label={t('relatives.contact')}
            value={relative.contact}
            onChange={(contact) => set(index, { contact })}
            testId={`relative-contact-${index}`}
          />
          <SelectField
            label={t('relatives.contactStatus')}
            value={relative.contactStatus}
            onChange={(contactStatus) => set(index, { contactStatus })}
            options={valueOptions(t, 'contactStatus', Relative.shape.contactStatus.options)}
            testId={`relative-contact-status-${index}`}
          />
          <SelectField
            label={t('relatives.consent')}
            value={relative.consentStatus}
            onChange={(consentStatus) => set(index, { consentStatus })}
            options={valueOptions(t, 'consentStatus', Relative.shape.consentStatus.options)}
            testId={`relative-consent-${index}`}
          />
          <TextField label={t('note')} value={relative.note} onChange={(note) => set(index, { note })} />
          <button
            type="button"
            onClick={() => onChange({ relatives: draft.relatives.filter((_, other) => other !== index) })}
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange({ relatives: [...draft.relatives, emptyRelative()] })}
        data-testid="add-relative"
      >
        {t('relatives.add')}
      </button>
    </fieldset>
  );
};
