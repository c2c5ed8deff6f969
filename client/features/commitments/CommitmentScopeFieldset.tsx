import { cohortTakenAsMinorNowAdult } from '../../../shared/content/cohort-taken-as-minor-now-adult';
import { useT } from '../../i18n/useT';
import { CasePicker } from '../cases/CasePicker';
import { SelectField } from '../cases/SelectField';
import { TextField } from '../cases/TextField';
import type { CommitmentDraft } from './commitment-draft';
import type { CommitmentFormOptions } from './commitment-form-options';

const KINDS = ['cases', 'cohort'] as const;

/** The cases the rule selects for the draft's date, computed here from the decrypted records. */
export const cohortOf = (draft: CommitmentDraft, options: CommitmentFormOptions) =>
  cohortTakenAsMinorNowAdult(options.cohortCases, draft.cohortAsOf);

/** Which cases the commitment covers: a list, or a rule frozen into a list when signed. */
export const CommitmentScopeFieldset = ({
  draft,
  options,
  onChange,
}: {
  draft: CommitmentDraft;
  options: CommitmentFormOptions;
  onChange: (patch: Partial<CommitmentDraft>) => void;
}) => {
  const { t } = useT('daily');
  const { t: tc } = useT('commitments');
  const reference = (id: string) => options.cases.find((item) => item.id === id)?.reference ?? id.slice(0, 8);
  const cohort =
    draft.scopeKind === 'cohort' && /^\d{4}-\d{2}-\d{2}$/.test(draft.cohortAsOf) ? cohortOf(draft, options) : null;
  return (
    <fieldset>
      <legend>{tc('scope.legend')}</legend>
      <SelectField
        label={tc('scope.covers')}
        value={draft.scopeKind}
        onChange={(scopeKind) => onChange({ scopeKind: scopeKind || 'cases' })}
        options={[
          ...KINDS.map((kind) => [kind, tc(`scope.kinds.${kind}`)] as const),
          ['count', t('scope.count')] as const,
        ]}
        testId="commitment-scope-kind"
      />
      {draft.scopeKind === 'count' ? (
        <TextField
          label={t('scope.howMany')}
          type="number"
          value={draft.count}
          onChange={(count) => onChange({ count })}
          required
          testId="commitment-count"
        />
      ) : draft.scopeKind === 'cases' ? (
        <CasePicker
          legend={tc('scope.cases')}
          cases={options.cases}
          selected={draft.caseIds}
          onChange={(caseIds) => onChange({ caseIds })}
        />
      ) : (
        <>
          <TextField
            label={tc('scope.adultsOn')}
            type="date"
            value={draft.cohortAsOf}
            onChange={(cohortAsOf) => onChange({ cohortAsOf })}
            required
            testId="commitment-cohort-as-of"
          />
          {cohort ? (
            <div data-testid="commitment-cohort">
              <p>
                {tc('scope.frozen', {
                  count: cohort.caseIds.length,
                  references: cohort.caseIds.map(reference).join(', ') || tc('scope.none'),
                })}
              </p>
              {cohort.review.length > 0 ? (
                <ul className="hint">
                  {cohort.review.map((item) => (
                    <li key={item.caseId}>
                      {tc('scope.check', {
                        reference: reference(item.caseId),
                        reason: tc(`scope.reason.${item.reason}`),
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </fieldset>
  );
};
