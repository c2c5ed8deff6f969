import { Consent, ConsentScope } from '../../../shared/content/child-relations';
import { CheckboxGroup } from './CheckboxGroup';
import type { CaseDraft } from './case-draft';
import { optionsOf, SelectField } from './SelectField';
import { TextField } from './TextField';

/** Who consented to what, on which legal basis, and who must not see the case. */
export const ConsentFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { consent } = draft;
  const set = (patch: Partial<CaseDraft['consent']>) => onChange({ consent: { ...consent, ...patch } });
  return (
    <fieldset>
      <legend>Consent and legal basis</legend>
      <SelectField
        label="Given by"
        value={consent.givenBy}
        onChange={(givenBy) => set({ givenBy })}
        options={optionsOf(Consent.shape.givenBy.options)}
        empty="No consent recorded"
        testId="consent-given-by"
      />
      <TextField
        label="Name of the person consenting"
        value={consent.name}
        onChange={(name) => set({ name })}
        testId="consent-name"
      />
      <TextField
        label="Date"
        type="date"
        value={consent.date}
        onChange={(date) => set({ date })}
        testId="consent-date"
      />
      <CheckboxGroup
        legend="Scope"
        options={optionsOf(ConsentScope.options)}
        selected={consent.scope}
        onChange={(scope) => set({ scope })}
        testId="consent-scope"
      />
      <SelectField
        label="Legal basis"
        value={consent.legalBasis}
        onChange={(legalBasis) => set({ legalBasis })}
        options={optionsOf(Consent.shape.legalBasis.options)}
        empty="Not stated"
        testId="consent-legal-basis"
      />
      <TextField
        label="Withheld from (comma-separated)"
        value={consent.withheldFrom}
        onChange={(withheldFrom) => set({ withheldFrom })}
        hint="Who must not be shown the case."
      />
      <TextField label="Note" value={consent.note} onChange={(note) => set({ note })} />
    </fieldset>
  );
};
