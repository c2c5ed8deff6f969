import { IdentityLevel, IdentitySource } from '../../../shared/content/child-identity';
import { useT } from '../../i18n/useT';
import { type CaseDraft, emptySource, type SourceDraft } from './case-draft';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { valueOptions } from './value-labels';

/** How far the child's identity is verified, and on what: kept apart from location. */
export const IdentityFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { t } = useT(['cases-forms', 'cases-record']);
  const { identity } = draft;
  const setSource = (index: number, patch: Partial<SourceDraft>) =>
    onChange({
      identity: {
        ...identity,
        sources: identity.sources.map((source, other) => (other === index ? { ...source, ...patch } : source)),
      },
    });
  return (
    <fieldset>
      <legend>{t('identity.legend')}</legend>
      <SelectField
        label={t('identity.level')}
        value={identity.level}
        onChange={(level) => onChange({ identity: { ...identity, level } })}
        options={valueOptions(t, 'identityLevel', IdentityLevel.options)}
        empty={t('identity.notAssessed')}
        testId="identity-level"
      />
      {identity.sources.map((source, index) => (
        <div className="row-group" key={index} data-testid="identity-source">
          <SelectField
            label={t('identity.source')}
            value={source.kind}
            onChange={(kind) => setSource(index, { kind })}
            options={valueOptions(t, 'sourceKind', IdentitySource.shape.kind.options)}
            testId={`identity-source-kind-${index}`}
          />
          <TextField
            label={t('identity.reference')}
            value={source.reference}
            onChange={(reference) => setSource(index, { reference })}
            testId={`identity-source-reference-${index}`}
          />
          <TextField
            label={t('date')}
            type="date"
            value={source.date}
            onChange={(date) => setSource(index, { date })}
          />
          <TextField label={t('note')} value={source.note} onChange={(note) => setSource(index, { note })} />
          <button
            type="button"
            onClick={() =>
              onChange({ identity: { ...identity, sources: identity.sources.filter((_, other) => other !== index) } })
            }
          >
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange({ identity: { ...identity, sources: [...identity.sources, emptySource()] } })}
        data-testid="add-identity-source"
      >
        {t('identity.add')}
      </button>
    </fieldset>
  );
};
