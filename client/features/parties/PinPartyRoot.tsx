import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LockedNotice } from '../../components/LockedNotice';
import { saveVerifications, withPartyPinned } from '../../crypto/verifications';
import { useSignedIn } from '../../session/useSession';
import type { PartyTrustView } from '../../trust/party-view';
import { useTrust } from '../../trust/useTrust';

/** "I compared": pins the party's root in the sealed, signed list of what this person verified. */
export const PinPartyRoot = ({ party }: { party: PartyTrustView }) => {
  const session = useSignedIn();
  const { state, reload } = useTrust();
  const { busy, error, run } = useAction();
  if (!session || state.status !== 'ready' || !party.record) {
    return null;
  }
  if (state.verifications === null) {
    return <LockedNotice action="see and change which party roots you verified" />;
  }
  if (party.state === 'verified') {
    return (
      <p className="ok" role="status" data-testid="party-verified-at">
        You verified the root of {party.name} on {new Date(party.verifiedAt ?? '').toLocaleString()}.
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
        {party.state === 'root-changed'
          ? 'I compared the new number with the party: pin the new root'
          : 'I compared: the numbers match'}
      </button>
      <ErrorNotice error={error ?? state.verificationsError} />
    </>
  );
};
