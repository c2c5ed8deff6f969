import { Consent, ConsentScope } from '../../../shared/content/child-relations';
import { useT } from '../../i18n/useT';
import { CheckboxGroup } from './CheckboxGroup';
import type { CaseDraft } from './case-draft';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { valueOptions } from './value-labels';

/** Who consented to what, on which legal basis, and who must not see the case. */
export const ConsentFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { t } = useT(['cases-forms', 'cases-record']);
  const { consent } = draft;
  const set = (patch: Partial<CaseDraft['consent']>) => onChange({ consent: { ...consent, ...patch } });
  return (
    <fieldset>
      <legend>{t('consent.legend')}</legend>
      <SelectField
        label={t('consent.givenBy')}
        value={consent.givenBy}
        onChange={(givenBy) => set({ givenBy })}
        options={valueOptions(t, 'givenBy', Consent.shape.givenBy.options)}
        empty={t('consent.none')}
        testId="consent-given-by"
      />
      <TextField
        label={t('consent.name')}
        value={consent.name}
        onChange={(name) => set({ name })}
        testId="consent-name"
      />
      <TextField
        label={t('date')}
        type="date"
        value={consent.date}
        onChange={(date) => set({ date })}
        testId="consent-date"
      />
      <CheckboxGroup
        legend={t('consent.scope')}
        options={valueOptions(t, 'consentScope', ConsentScope.options)}
        selected={consent.scope}
        onChange={(scope) => set({ scope })}
        testId="consent-scope"
      />
      <SelectField
        label={t('consent.legalBasis')}
        value={consent.legalBasis}
        onChange={(legalBasis) => set({ legalBasis })}
        options={valueOptions(t, 'legalBasis', Consent.shape.legalBasis.options)}
        empty={t('notStated')}
        testId="consent-legal-basis"
      />
      <TextField
        label={t('consent.withheldFrom')}
        value={consent.withheldFrom}
        onChange={(withheldFrom) => set({ withheldFrom })}
        hint={t('consent.withheldFromHint')}
      />
      <TextField label={t('note')} value={consent.note} onChange={(note) => set({ note })} />
    </fieldset>
  );
};
