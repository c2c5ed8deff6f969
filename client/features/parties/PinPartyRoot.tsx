import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LockedNotice } from '../../components/LockedNotice';
import { saveVerifications, withPartyPinned } from '../../crypto/verifications';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useSignedIn } from '../../session/useSession';
import type { PartyTrustView } from '../../trust/party-view';
import { useTrust } from '../../trust/useTrust';

/** "I compared": pins the party's root in the sealed, signed list of what this person verified. */
export const PinPartyRoot = ({ party }: { party: PartyTrustView }) => {
  const { t } = useT('parties');
  const format = useFormat();
  const session = useSignedIn();
  const { state, reload } = useTrust();
  const { busy, error, run } = useAction();
  if (!session || state.status !== 'ready' || !party.record) {
    return null;
  }
  if (state.verifications === null) {
    return <LockedNotice action={t('pin.lockedAction')} />;
  }
  if (party.state === 'verified') {
    return (
      <p className="ok" role="status" data-testid="party-verified-at">
        {t('pin.verifiedAt', { party: party.name, date: party.verifiedAt ? format.dateTime(party.verifiedAt) : '—' })}
      </p>
    );
  }
  const { directory, verifications } = state;
  const { root, rootKeyId } = party.record;
  const pin = () =>
    run(
      () =>
        saveVerifications(
          session.person.id,
          directory,
          withPartyPinned(verifications, { party: party.id, root, rootKeyId }),
        ),
      reload,
    );
  return (
    <>
      <button type="button" className="primary" onClick={pin} disabled={busy} data-testid="pin-party">
        {party.state === 'root-changed' ? t('pin.pinNew') : t('pin.pin')}
      </button>
      <ErrorNotice error={error ?? state.verificationsError} />
    </>
  );
};
