import { API } from '../../../shared/api/index';
import type { DirectoryProblem } from '../../../shared/directory/index';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DirectoryVerificationError } from '../../crypto/directory';
import { useT } from '../../i18n/useT';
import { AwaitingEndorsementError } from '../../trust/trust-context';

const kindKey = (kind: DirectoryProblem['kind']) => `directory.kind.${kind}` as const;

/**
 * The key directory the server served cannot be trusted: a blocking warning that names, for each
 * problem, the person its statement is about (name, role, party) and why. Party names are the
 * server's labels, shown beside the party id the statement itself carries.
 */
export const DirectoryError = ({ error }: { error: unknown }) => {
  const { t } = useT(['people-screens', 'common']);
  const [parties] = useQuery(() => api(API.listParties), []);
  if (error instanceof AwaitingEndorsementError) {
    return (
      <p role="alert" className="error" data-testid="error">
        {t('directory.awaitingEndorsement')}
      </p>
    );
  }
  if (!(error instanceof DirectoryVerificationError)) {
    return <ErrorNotice error={error} />;
  }
  const partyName = (id: string) =>
    (parties.status === 'ready' ? parties.data.parties.find((party) => party.id === id)?.name : undefined) ??
    t('directory.party', { id: id.slice(0, 8) });
  return (
    <section className="log-failure" role="alert" data-testid="directory-error">
      <h2>{t('directory.title')}</h2>
      <p>{t('directory.body')}</p>
      <ul>
        {error.problems.map((problem, index) => (
          <li key={`${problem.kind}-${problem.position ?? ''}-${index}`} data-testid="directory-problem">
            <strong>{t(kindKey(problem.kind))}</strong>
            {problem.person ? (
              <>
                {' — '}
                <span data-testid="directory-problem-person">{problem.person.name}</span> (
                {t(`common:account.role.${problem.person.role}`)}, {partyName(problem.person.party)})
              </>
            ) : null}
            {problem.position === undefined ? null : t('directory.position', { position: problem.position })}:{' '}
            {problem.reason}
          </li>
        ))}
      </ul>
    </section>
  );
};
