import { useT } from '../../i18n/useT';
import type { TrustData } from '../../trust/trust-context';

/** The server's people list contradicts the log about these people: a blocking warning naming each. */
export const PeopleConflicts = ({ data }: { data: TrustData }) => {
  const { t } = useT('people-screens');
  return data.conflicts.length === 0 ? null : (
    <section className="log-failure" role="alert" data-testid="people-conflicts">
      <h2>{t('conflicts.title')}</h2>
      <p>{t('conflicts.body')}</p>
      <ul>
        {data.conflicts.map((conflict) => (
          <li key={conflict.person} data-testid="people-conflict" data-person={conflict.person}>
            <strong data-testid="people-conflict-name">{conflict.name}</strong>: {conflict.reason}
          </li>
        ))}
      </ul>
    </section>
  );
};
