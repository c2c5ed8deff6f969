import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/useQuery';
import { Loading } from '../../components/Loading';
import { partySafetyNumberView, subjectOf } from '../../crypto/safety-view';
import { useT } from '../../i18n/useT';
import { partyView } from '../../trust/party-view';
import { useTrust } from '../../trust/useTrust';
import { DirectoryError } from '../people/DirectoryError';
import { SafetyDigits } from '../people/SafetyDigits';
import { useReloadOnMount } from '../people/useReloadOnMount';
import { PartyRootBadge } from './PartyRootBadge';
import { PinPartyRoot } from './PinPartyRoot';

/**
 * One party's root of trust, to verify once out of band: its first admin, and the party safety
 * number (and QR code) over the root's first key and the party id, which the party's own people
 * read out from their screen. "I compared" pins it; a later change of root blocks sending.
 */
export const PartyPage = () => {
  const { t } = useT('parties');
  const { partyId = '' } = useParams();
  const { state } = useTrust();
  useReloadOnMount();
  const data = state.status === 'ready' ? state : null;
  const party = data ? partyView(data, partyId) : null;
  const rootKey = party?.record ? data?.directory.keyRecord(party.record.rootKeyId) : undefined;
  const [number] = useQuery(
    () => (rootKey ? partySafetyNumberView(partyId, subjectOf(rootKey)) : Promise.reject(new Error('No root'))),
    [partyId, rootKey?.keyId],
  );
  if (state.status === 'loading' || state.status === 'idle') {
    return <Loading what={t('page.verifying')} />;
  }
  if (state.status === 'error') {
    return <DirectoryError error={state.error} />;
  }
  if (!party) {
    return null;
  }
  return (
    <section aria-labelledby="party-title" data-testid="party-page">
      <h1 id="party-title" dir="auto">
        {party.name}
      </h1>
      <p>
        <PartyRootBadge state={party.state} /> <Link to="/people">{t('page.allPeople')}</Link>
      </p>
      {party.state === 'root-changed' ? (
        <p role="alert" className="error" data-testid="party-root-changed">
          {t('page.rootChanged', { party: party.name })}
        </p>
      ) : null}
      {party.record && rootKey ? (
        <>
          <dl className="facts">
            <dt>{t('page.rootAdmin')}</dt>
            <dd data-testid="party-root-name" dir="auto">
              {rootKey.name}
            </dd>
            <dt>{t('page.rootKey')}</dt>
            <dd>
              <code data-testid="party-root-key">{rootKey.keyId}</code>
            </dd>
            <dt>{t('page.since')}</dt>
            <dd>{party.record.since}</dd>
            <dt>{t('page.threshold')}</dt>
            <dd data-testid="party-threshold">{party.record.threshold}</dd>
          </dl>
          <h2>{t('page.safetyNumber')}</h2>
          <p>{t('page.compare', { party: party.name })}</p>
          <SafetyDigits view={number} />
          <PinPartyRoot party={party} />
        </>
      ) : (
        <p className="notice" data-testid="party-no-root">
          {t('page.noRoot')}
        </p>
      )}
    </section>
  );
};
