import { IdentityLevel, IdentitySource } from '../../../shared/content/child-identity';
import { type CaseDraft, emptySource, type SourceDraft } from './case-draft';
import { optionsOf, SelectField } from './SelectField';
import { TextField } from './TextField';

/** How far the child's identity is verified, and on what: kept apart from location. */
export const IdentityFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
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
      <legend>Identity verification</legend>
      <SelectField
        label="Level"
        value={identity.level}
        onChange={(level) => onChange({ identity: { ...identity, level } })}
        options={optionsOf(IdentityLevel.options)}
        empty="Not assessed"
        testId="identity-level"
      />
      {identity.sources.map((source, index) => (
        <div className="row-group" key={index} data-testid="identity-source">
          <SelectField
            label="Source"
            value={source.kind}
            onChange={(kind) => setSource(index, { kind })}
            options={optionsOf(IdentitySource.shape.kind.options)}
            testId={`identity-source-kind-${index}`}
          />
          <TextField
            label="Reference"
            value={source.reference}
            onChange={(reference) => setSource(index, { reference })}
            testId={`identity-source-reference-${index}`}
          />
          <TextField label="Date" type="date" value={source.date} onChange={(date) => setSource(index, { date })} />
          <TextField label="Note" value={source.note} onChange={(note) => setSource(index, { note })} />
          <button
            type="button"
            onClick={() =>
              onChange({ identity: { ...identity, sources: identity.sources.filter((_, other) => other !== index) } })
            }
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => onChange({ identity: { ...identity, sources: [...identity.sources, emptySource()] } })}
        data-testid="add-identity-source"
      >
        Add a source
      </button>
    </fieldset>
  );
};
