import { useT } from '../../i18n/useT';
import { SelectField } from '../cases/SelectField';
import type { CommitmentDraft } from './commitment-draft';
import type { CommitmentFormOptions } from './commitment-form-options';

const KINDS = ['agreed_minutes', 'exchange_of_notes'] as const;

/** Where the commitment comes from; choosing a clause fills in its words when none are written yet. */
export const CommitmentSourceFieldset = ({
  draft,
  options,
  onChange,
}: {
  draft: CommitmentDraft;
  options: CommitmentFormOptions;
  onChange: (patch: Partial<CommitmentDraft>) => void;
}) => {
  const { t } = useT('commitments');
  const chosen = options.minutes.find((minutes) => minutes.hash === draft.minutes);
  const pickClause = (clause: string) => {
    const text = chosen?.clauses.find((item) => String(item.number) === clause)?.text;
    onChange({ clause, ...(draft.text.trim() === '' && text ? { text } : {}) });
  };
  return (
    <fieldset>
      <legend>{t('source.legend')}</legend>
      <SelectField
        label={t('source.kind')}
        value={draft.sourceKind}
        onChange={(sourceKind) => onChange({ sourceKind: sourceKind || 'agreed_minutes' })}
        options={KINDS.map((kind) => [kind, t(`source.kinds.${kind}`)] as const)}
        testId="commitment-source-kind"
      />
      {draft.sourceKind === 'agreed_minutes' ? (
        <>
          <SelectField
            label={t('source.minutes')}
            value={draft.minutes}
            onChange={(minutes) => onChange({ minutes, clause: '' })}
            options={options.minutes.map((minutes) => [minutes.hash, minutes.label] as const)}
            empty={t('page.choose')}
            required
            testId="commitment-minutes"
          />
          <SelectField
            label={t('source.clause')}
            value={draft.clause}
            onChange={pickClause}
            options={(chosen?.clauses ?? []).map(
              (clause) => [String(clause.number), `${clause.number}. ${clause.text}`] as const,
            )}
            empty={t('page.choose')}
            required
            testId="commitment-clause"
          />
        </>
      ) : (
        [0, 1].map((at) => (
          <SelectField
            key={at}
            label={at === 0 ? t('source.firstNote') : t('source.answeringNote')}
            value={draft.notes[at] ?? ''}
            onChange={(note) => onChange({ notes: at === 0 ? [note, draft.notes[1]] : [draft.notes[0], note] })}
            options={options.notes}
            empty={t('page.choose')}
            required
            testId={`commitment-note-${at + 1}`}
          />
        ))
      )}
    </fieldset>
  );
};
