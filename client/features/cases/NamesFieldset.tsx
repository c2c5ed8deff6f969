import { NameKind } from '../../../shared/content/child-identity';
import { type CaseDraft, emptyName, type NameDraft } from './case-draft';
import { optionsOf, SelectField } from './SelectField';
import { TextField } from './TextField';

const SCRIPTS = [
  ['Cyrl', 'Cyrillic'],
  ['Latn', 'Latin'],
] as const;

/** Every known way of writing the child's name: birth name, transliterations, altered names, aliases. */
export const NamesFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const setName = (index: number, patch: Partial<NameDraft>) =>
    onChange({ names: draft.names.map((name, other) => (other === index ? { ...name, ...patch } : name)) });
  return (
    <fieldset>
      <legend>Names and variants</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.unknownName}
          onChange={(event) => onChange({ unknownName: event.target.checked })}
          data-testid="unknown-name"
        />{' '}
        The child's name is not known
      </label>
      {draft.unknownName
        ? null
        : draft.names.map((name, index) => (
            <div className="row-group" key={index} data-testid="name-variant">
              <TextField
                label="Given name"
                value={name.given}
                onChange={(given) => setName(index, { given })}
                testId={`name-given-${index}`}
              />
              <TextField
                label="Patronymic"
                value={name.patronymic}
                onChange={(patronymic) => setName(index, { patronymic })}
                testId={`name-patronymic-${index}`}
              />
              <TextField
                label="Family name"
                value={name.family}
                onChange={(family) => setName(index, { family })}
                testId={`name-family-${index}`}
              />
              <SelectField
                label="Kind"
                value={name.kind}
                onChange={(kind) => setName(index, { kind: kind || 'reported' })}
                options={optionsOf(NameKind.options)}
                testId={`name-kind-${index}`}
              />
              <SelectField
                label="Script"
                value={name.script}
                onChange={(script) => setName(index, { script: script || 'Latn' })}
                options={SCRIPTS}
                testId={`name-script-${index}`}
              />
              <TextField
                label="Language (uk, ru, en)"
                value={name.language}
                onChange={(language) => setName(index, { language })}
                testId={`name-language-${index}`}
              />
              <TextField
                label="Source"
                value={name.source}
                onChange={(source) => setName(index, { source })}
                hint="Birth certificate, mother, holder's database listing…"
                testId={`name-source-${index}`}
                required
              />
              {draft.names.length > 1 ? (
                <button
                  type="button"
                  onClick={() => onChange({ names: draft.names.filter((_, other) => other !== index) })}
                >
                  Remove this variant
                </button>
              ) : null}
            </div>
          ))}
      {draft.unknownName ? null : (
        <button
          type="button"
          onClick={() =>
            onChange({ names: [...draft.names, { ...emptyName(), kind: 'transliteration', script: 'Latn' }] })
          }
          data-testid="add-name"
        >
          Add a name variant
        </button>
      )}
    </fieldset>
  );
};
