import { Trans } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PersonView } from '../../../shared/schemas/identity';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { useSignedIn } from '../../session/useSession';
import { ScopePicker } from './ScopePicker';
import { useScopeOptions } from './useScopeOptions';
import { VerificationResult } from './VerificationResult';
import { scopeFromSearch, searchOfScope } from './verify-scope';

/**
 * The reviewer's verification page: an audit bundle of a case, a thread, a party's
 * correspondence or the whole log, verified here against the log key this browser pinned.
 */
export const VerifyPage = () => {
  const session = useSignedIn();
  return session ? <VerifyFor person={session.person} /> : null;
};

const VerifyFor = ({ person }: { person: PersonView }) => {
  const { t: ts } = useT('screens');
  const { t } = useT('verify');
  const { status } = useLog();
  const [search, setSearch] = useSearchParams();
  const scope = scopeFromSearch(search);
  const [options] = useScopeOptions(person);
  return (
    <section aria-labelledby="verify-title">
      <h1 id="verify-title">{ts('verify.title')}</h1>
      <p className="hint">
        <Trans t={t} i18nKey="intro" components={{ code: <code /> }} />
      </p>
      {options.status === 'error' ? <ErrorNotice error={options.error} testId="verify-options-error" /> : null}
      {options.status === 'loading' ? <Loading what={t('loadingOptions')} /> : null}
      {options.status === 'ready' ? (
        <ScopePicker
          key={`picker ${search.toString()}`}
          role={person.role}
          options={options.data}
          current={scope}
          onPick={(picked) => setSearch(searchOfScope(picked))}
        />
      ) : null}
      {status.pin === null ? (
        <Loading what={t('pinning')} />
      ) : scope ? (
        <VerificationResult key={`result ${search.toString()}`} scope={scope} pin={status.pin} />
      ) : (
        <p data-testid="verify-choose">{t('choose')}</p>
      )}
    </section>
  );
};
