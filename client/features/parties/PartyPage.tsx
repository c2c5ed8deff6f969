import { Link, useParams } from 'react-router';
import { useQuery } from '../../api/useQuery';
import { Loading } from '../../components/Loading';
import { partySafetyNumberView, subjectOf } from '../../crypto/safety-view';
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
    return <Loading what="Verifying the key directory" />;
  }
  if (state.status === 'error') {
    return <DirectoryError error={state.error} />;
  }
  if (!party) {
    return null;
  }
  return (
    <section aria-labelledby="party-title" data-testid="party-page">
      <h1 id="party-title">{party.name}</h1>
      <p>
        <PartyRootBadge state={party.state} /> <Link to="/people">All people and parties</Link>
      </p>
      {party.state === 'root-changed' ? (
        <p role="alert" className="error" data-testid="party-root-changed">
          The root of {party.name} is not the one you verified: nothing is sealed to its people until you compare its
          party safety number again with someone of the party you trust.
        </p>
      ) : null}
      {party.record && rootKey ? (
        <>
          <dl className="facts">
            <dt>Root admin</dt>
            <dd data-testid="party-root-name">{rootKey.name}</dd>
            <dt>Root key</dt>
            <dd>
              <code data-testid="party-root-key">{rootKey.keyId}</code>
            </dd>
            <dt>In the log since position</dt>
            <dd>{party.record.since}</dd>
            <dt>Admins who must sign</dt>
            <dd data-testid="party-threshold">{party.record.threshold}</dd>
          </dl>
          <h2>Party safety number</h2>
          <p>
            Compare these 30 digits with someone of {party.name} who reads them from their own screen (in person or over
            a call you trust), or scan the QR code. If they match, you and they see the same root: everyone of the party
            is endorsed along its chain from it.
          </p>
          <SafetyDigits view={number} />
          <PinPartyRoot party={party} />
        </>
      ) : (
        <p className="notice" data-testid="party-no-root">
          This party has no root in the log yet: its first admin has not enrolled. No one is sealed anything as a member
          of it until they do.
        </p>
      )}
    </section>
  );
};
