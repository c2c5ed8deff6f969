import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { useSession } from '../../session/useSession';
import { InvitationSummary } from './InvitationSummary';
import { PassphraseForm } from './PassphraseForm';
import { RecoveryKeyNotice } from './RecoveryKeyNotice';
import { useEnrolment } from './useEnrolment';

let takenToken: string | null = null;

/**
 * Takes the invitation token from the fragment (`/enrol#<token>`: browsers never send fragments)
 * and removes it from the address bar and history at once. Idempotent, as StrictMode calls state
 * initialisers twice.
 */
const takeTokenFromFragment = (): string | null => {
  const token = window.location.hash.slice(1);
  if (token !== '') {
    takenToken = token;
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
  return takenToken;
};

/** `/enrol#<token>`: accept an invitation with a new passkey. */
export const EnrolPage = () => {
  const [token] = useState(takeTokenFromFragment);
  const { state, error, createPasskey, choosePassphrase } = useEnrolment(token);
  const { adopt } = useSession();
  const navigate = useNavigate();
  return (
    <section aria-labelledby="enrol-title" className="enrol">
      <h1 id="enrol-title">Accept your invitation</h1>
      {state.step === 'no-token' ? (
        <p role="alert">This page needs the full invitation link, including the part after “#”.</p>
      ) : null}
      {state.step === 'loading' && !error ? <Loading what="Checking the invitation" /> : null}
      {state.step === 'invitation' ? (
        <>
          <InvitationSummary invitation={state.offer.invitation} />
          <p>
            Create a passkey on this device. It signs you in without a password, and your private keys are created and
            encrypted here, in your browser: the server never sees them.
          </p>
          <button
            type="button"
            className="primary"
            disabled={state.busy}
            onClick={() => createPasskey(state.offer)}
            data-testid="create-passkey"
          >
            {state.busy ? 'Creating your passkey and keys…' : 'Create passkey'}
          </button>
        </>
      ) : null}
      {state.step === 'passphrase' ? (
        <PassphraseForm busy={state.busy} onChoose={(passphrase) => choosePassphrase(state.ceremony, passphrase)} />
      ) : null}
      {state.step === 'recovery' ? (
        <RecoveryKeyNotice
          recoveryKey={state.result.recoveryKey}
          onStored={() => {
            adopt(state.result.session);
            void navigate('/', { replace: true });
          }}
        />
      ) : null}
      <ErrorNotice error={error} />
    </section>
  );
};
