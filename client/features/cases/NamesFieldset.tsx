import { NameKind } from '../../../shared/content/child-identity';
import { useT } from '../../i18n/useT';
import { type CaseDraft, emptyName, type NameDraft } from './case-draft';
import { SelectField } from './SelectField';
import { TextField } from './TextField';
import { valueOptions } from './value-labels';

const SCRIPTS = ['Cyrl', 'Latn'] as const;

/** Every known way of writing the child's name: birth name, transliterations, altered names, aliases. */
export const NamesFieldset = ({
  draft,
  onChange,
}: {
  draft: CaseDraft;
  onChange: (next: Partial<CaseDraft>) => void;
}) => {
  const { t } = useT(['cases-forms', 'cases-record']);
  const setName = (index: number, patch: Partial<NameDraft>) =>
    onChange({ names: draft.names.map((name, other) => (other === index ? { ...name, ...patch } : name)) });
  return (
    <fieldset>
      <legend>{t('names.legend')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.unknownName}
          onChange={(event) => onChange({ unknownName: event.target.checked })}
          data-testid="unknown-name"
        />{' '}
        {t('names.unknown')}
      </label>
      {draft.unknownName
        ? null
        : draft.names.map((name, index) => (
            <div className="row-group" key={index} data-testid="name-variant">
              <TextField
                label={t('names.given')}
                value={name.given}
                onChange={(given) => setName(index, { given })}
                testId={`name-given-${index}`}
              />
              <TextField
                label={t('names.patronymic')}
                value={name.patronymic}
                onChange={(patronymic) => setName(index, { patronymic })}
                testId={`name-patronymic-${index}`}
              />
              <TextField
                label={t('names.family')}
                value={name.family}
                onChange={(family) => setName(index, { family })}
                testId={`name-family-${index}`}
              />
              <SelectField
                label={t('names.kind')}
                value={name.kind}
                onChange={(kind) => setName(index, { kind: kind || 'reported' })}
                options={valueOptions(t, 'nameKind', NameKind.options)}
                testId={`name-kind-${index}`}
              />
              <SelectField
                label={t('names.script')}
                value={name.script}
                onChange={(script) => setName(index, { script: script || 'Latn' })}
                options={valueOptions(t, 'script', SCRIPTS)}
                testId={`name-script-${index}`}
              />
              <TextField
                label={t('names.language')}
                value={name.language}
                onChange={(language) => setName(index, { language })}
                testId={`name-language-${index}`}
              />
              <TextField
                label={t('names.source')}
                value={name.source}
                onChange={(source) => setName(index, { source })}
                hint={t('names.sourceHint')}
                testId={`name-source-${index}`}
                required
              />
              {draft.names.length > 1 ? (
                <button
                  type="button"
                  onClick={() => onChange({ names: draft.names.filter((_, other) => other !== index) })}
                >
                  {t('names.remove')}
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
          {t('names.add')}
        </button>
      )}
    </fieldset>
  );
};
