import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LockedNotice } from '../../components/LockedNotice';
import { saveVerifications, withVerified } from '../../crypto/verifications';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useSignedIn } from '../../session/useSession';
import type { ContactView } from '../../trust/contact-view';
import { useTrust } from '../../trust/useTrust';

/** "Mark as verified" (or "Re-verify" after a key change), stored sealed and signed. */
export const MarkVerified = ({ contact }: { contact: ContactView }) => {
  const { t } = useT('people-screens');
  const format = useFormat();
  const session = useSignedIn();
  const { state, reload } = useTrust();
  const { busy, error, run } = useAction();
  if (!session || state.status !== 'ready' || contact.keyId === null) {
    return null;
  }
  if (state.verificationsError) {
    // An altered or rolled-back list: say so rather than offer to overwrite it.
    return <ErrorNotice error={state.verificationsError} testId="verifications-error" />;
  }
  if (state.verifications === null) {
    return <LockedNotice action={t('mark.lockedAction')} />;
  }
  if (contact.verification === 'verified') {
    return (
      <p className="ok" role="status" data-testid="verified-at">
        {t('mark.verifiedAt', {
          name: contact.name,
          date: contact.verifiedAt ? format.dateTime(contact.verifiedAt) : '—',
        })}
      </p>
    );
  }
  const { directory, verifications } = state;
  const keyId = contact.keyId;
  const mark = () =>
    run(() => saveVerifications(session.person.id, directory, withVerified(verifications, contact.id, keyId)), reload);
  return (
    <>
      <button type="button" className="primary" onClick={mark} disabled={busy} data-testid="mark-verified">
        {contact.verification === 'key-changed' ? t('mark.reverify') : t('mark.mark')}
      </button>
      <ErrorNotice error={error} />
    </>
  );
};
