import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { FingerprintSubject } from '../../../shared/crypto/safety-number';
import { type InvitationFragment, parseInvitationFragment } from '../../../shared/log/log-pin-text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { offerWitnessPinsFromFragment, type WitnessPinOffer } from '../../crypto/witness-pins';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { useSession } from '../../session/useSession';
import { WitnessLinkNotice } from '../log/WitnessLinkNotice';
import { InvitationSummary } from './InvitationSummary';
import { inviterFromFragment } from './inviter-memory';
import { PassphraseForm } from './PassphraseForm';
import { RecoveryKeyNotice } from './RecoveryKeyNotice';
import { useEnrolment } from './useEnrolment';

let taken:
  | (InvitationFragment & { readonly inviter: FingerprintSubject | null; readonly witnesses: WitnessPinOffer })
  | null = null;

/**
 * Takes the invitation token and the log pin from the fragment (`/enrol#<token>&log=…`: browsers
 * never send fragments) and removes them from the address bar and history at once. Idempotent, as
 * StrictMode calls state initialisers twice. The witness keys it carries are offered once, and what
 * became of them is kept for the page to show.
 */
const takeFragment = () => {
  const fragment = window.location.hash.slice(1);
  if (fragment !== '') {
    taken = {
      ...parseInvitationFragment(fragment),
      inviter: inviterFromFragment(fragment),
      witnesses: offerWitnessPinsFromFragment(fragment),
    };
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
  return taken;
};

/** `/enrol#<token>&log=<key>&legacy=<n>`: pin the log the link names, accept the invitation with a new passkey. */
export const EnrolPage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('enrol');
  const [fragment] = useState(takeFragment);
  const { pin } = useLog();
  const linkPin = fragment?.pin ?? null;
  // A link whose log key is damaged is refused whole: its token may be fine, but it was altered.
  const token = linkPin?.ok === false ? null : (fragment?.token ?? null);
  useEffect(() => {
    if (linkPin?.ok) {
      pin(linkPin.pin, 'invitation');
    }
  }, [linkPin, pin]);
  const { state, error, createPasskey, choosePassphrase } = useEnrolment(token, fragment?.inviter ?? null);
  const { adopt } = useSession();
  const navigate = useNavigate();
  return (
    <section aria-labelledby="enrol-title" className="enrol">
      <h1 id="enrol-title">{ts('enrol.title')}</h1>
      {linkPin?.ok === false ? (
        <p role="alert" className="error" data-testid="invitation-pin-error">
          {t('page.damagedLink', { reason: linkPin.reason })}
        </p>
      ) : state.step === 'no-token' ? (
        <p role="alert">{t('page.noToken')}</p>
      ) : null}
      {fragment ? <WitnessLinkNotice offer={fragment.witnesses} /> : null}
      {state.step === 'loading' && !error ? <Loading what={t('page.checking')} /> : null}
      {state.step === 'invitation' ? (
        <>
          <InvitationSummary invitation={state.offer.invitation} />
          <p>{t('page.createIntro')}</p>
          <button
            type="button"
            className="primary"
            disabled={state.busy}
            onClick={() => createPasskey(state.offer)}
            data-testid="create-passkey"
          >
            {state.busy ? t('page.creating') : t('page.create')}
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
