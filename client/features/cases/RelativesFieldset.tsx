import { Relation, Relative } from '../../../shared/content/child-relations';
import { type CaseDraft, emptyRelative, type RelativeDraft } from './case-draft';
import { optionsOf, SelectField } from './SelectField';
import { TextField } from './TextField';

const CONTACT = optionsOf(Relative.shape.contactStatus.options);
const CONSENT = optionsOf(Relative.shape.consentStatus.options);
const YES_NO = optionsOf(['yes', 'no'] as const);

/** Parents, guardians, siblings and others: how to reach them, and whether they consented. */
export const RelativesFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const set = (index: number, patch: Partial<RelativeDraft>) =>
    onChange({
      relatives: draft.relatives.map((relative, other) => (other === index ? { ...relative, ...patch } : relative)),
    });
  return (
    <fieldset>
      <legend>Guardians and family</legend>
      {draft.relatives.map((relative, index) => (
        <div className="row-group" key={index} data-testid="relative">
          <SelectField
            label="Relation"
            value={relative.relation}
            onChange={(relation) => set(index, { relation })}
            options={optionsOf(Relation.options)}
            testId={`relative-relation-${index}`}
          />
          <TextField
            label="Name"
            value={relative.name}
            onChange={(name) => set(index, { name })}
            testId={`relative-name-${index}`}
          />
          <SelectField
            label="Legal guardian"
            value={relative.isLegalGuardian}
            onChange={(isLegalGuardian) => set(index, { isLegalGuardian })}
            options={YES_NO}
            empty="Not stated"
          />
          <TextField
            label="Contact"
            value={relative.contact}
            onChange={(contact) => set(index, { contact })}
            testId={`relative-contact-${index}`}
          />
          <SelectField
            label="Contact status"
            value={relative.contactStatus}
            onChange={(contactStatus) => set(index, { contactStatus })}
            options={CONTACT}
            testId={`relative-contact-status-${index}`}
          />
          <SelectField
            label="Consent"
            value={relative.consentStatus}
            onChange={(consentStatus) => set(index, { consentStatus })}
            options={CONSENT}
            testId={`relative-consent-${index}`}
          />
          <TextField label="Note" value={relative.note} onChange={(note) => set(index, { note })} />
          <button
            type="button"
            onClick={() => onChange({ relatives: draft.relatives.filter((_, other) => other !== index) })}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange({ relatives: [...draft.relatives, emptyRelative()] })}
        data-testid="add-relative"
      >
        Add a relative or guardian
      </button>
    </fieldset>
  );
};
