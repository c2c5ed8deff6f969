import { Trans } from 'react-i18next';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n/useT';
import { useTrust } from '../../trust/useTrust';
import { PartyList } from '../parties/PartyList';
import { DirectoryError } from '../people/DirectoryError';
import { useReloadOnMount } from '../people/useReloadOnMount';

/**
 * Parties (delegations) and their roots of trust. No party is created here: a new party is started
 * from the operator's command line with its own first admin, its root; from then on only that
 * party's admins add its people.
 */
export const PartiesPage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('admin-screens');
  const { state } = useTrust();
  useReloadOnMount();
  return (
    <section aria-labelledby="parties-title">
      <h1 id="parties-title">{ts('parties.title')}</h1>
      <p data-testid="parties-from-cli">
        <Trans t={t} i18nKey="parties.fromCli" components={{ code: <code /> }} />
      </p>
      {state.status === 'loading' || state.status === 'idle' ? <Loading what={t('parties.verifying')} /> : null}
      {state.status === 'error' ? <DirectoryError error={state.error} /> : null}
      {state.status === 'ready' ? <PartyList data={state} /> : null}
    </section>
  );
};
