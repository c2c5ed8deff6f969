import { useT } from '../../i18n/useT';
import { TextField } from '../cases/TextField';

/** The numbered clauses of agreed minutes; commitments cite them by number. */
export const ClausesFieldset = ({
  clauses,
  onChange,
}: {
  clauses: readonly string[];
  onChange: (clauses: string[]) => void;
}) => {
  const { t } = useT('agreed-minutes');
  return (
    <fieldset>
      <legend>{t('clauses.legend')}</legend>
      {clauses.map((text, index) => (
        <div className="row-group" key={index}>
          <TextField
            label={t('clauses.clause', { number: index + 1 })}
            value={text}
            onChange={(value) => onChange(clauses.map((other, at) => (at === index ? value : other)))}
            multiline
            required={index === 0}
            testId={`clause-${index + 1}`}
          />
          {clauses.length > 1 ? (
            <button type="button" onClick={() => onChange(clauses.filter((_, at) => at !== index))}>
              {t('clauses.remove')}
            </button>
          ) : null}
        </div>
      ))}
      <button type="button" onClick={() => onChange([...clauses, ''])} data-testid="add-clause">
        {t('clauses.add')}
      </button>
    </fieldset>
  );
};
