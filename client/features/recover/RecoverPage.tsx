import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { type InvitationFragment, parseInvitationFragment } from '../../../shared/log/log-pin-text';
import type { RecoveryOptionsResponse } from '../../../shared/schemas/recovery';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { openRecovery, recoverWithNewPasskey } from '../../crypto/recovery';
import { offerWitnessPinsFromFragment, type WitnessPinOffer } from '../../crypto/witness-pins';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { useSession } from '../../session/useSession';
import { WitnessLinkNotice } from '../log/WitnessLinkNotice';

let taken: (InvitationFragment & { readonly witnesses: WitnessPinOffer }) | null = null;

/**
 * Takes the token, the log pin and any witness keys from the fragment and removes them from the
 * address bar (idempotent). A person recovering is often on a new browser with no pins, so the
 * link's witness keys are offered as an invitation's are.
 */
const takeFragment = () => {
  const fragment = window.location.hash.slice(1);
  if (fragment !== '') {
    taken = { ...parseInvitationFragment(fragment), witnesses: offerWitnessPinsFromFragment(fragment) };
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }
  return taken;
};

/** `/recover#<token>&log=…`: a new passkey for a person who lost theirs, then the recovery key unlocks. */
export const RecoverPage = () => {
  const { t } = useT('recover');
  const [fragment] = useState(takeFragment);
  const { pin } = useLog();
  const { adopt } = useSession();
  const navigate = useNavigate();
  const linkPin = fragment?.pin ?? null;
  const token = linkPin?.ok === false ? null : (fragment?.token ?? null);
  const [offer, setOffer] = useState<RecoveryOptionsResponse | null>(null);
  const { busy, error, run } = useAction();
  useEffect(() => {
    if (linkPin?.ok) {
      pin(linkPin.pin, 'invitation');
    }
  }, [linkPin, pin]);
  useEffect(() => {
    if (token) {
      run(() => openRecovery(token), setOffer);
    }
  }, [token, run]);
  return (
    <section aria-labelledby="recover-title" className="enrol" data-testid="recover-page">
      <h1 id="recover-title">{t('title')}</h1>
      {token === null ? <p role="alert">{t('noToken')}</p> : null}
      {fragment ? <WitnessLinkNotice offer={fragment.witnesses} link="recovery" /> : null}
      {token && !offer && !error ? <Loading what={t('checking')} /> : null}
      {offer && token ? (
        <>
          <p>{t('intro', { name: offer.person.name })}</p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              run(
                () => recoverWithNewPasskey(token, offer),
                (session) => {
                  adopt(session);
                  void navigate('/');
                },
              )
            }
            data-testid="recover-create-passkey"
          >
            {busy ? t('creating') : t('create')}
          </button>
        </>
      ) : null}
      <ErrorNotice error={error} testId="recover-error" />
    </section>
  );
};
