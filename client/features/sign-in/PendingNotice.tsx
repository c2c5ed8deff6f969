import { useT } from '../../i18n/useT';
import { useSession } from '../../session/useSession';
import { inviterName, keyCheckOf } from '../enrol/inviter-memory';
import { SafetyNumber } from '../people/SafetyNumber';

/**
 * What a person sees until their inviting admin has countersigned their keys: the safety number
 * of their new key with that admin's key (both known to this browser from the enrolment, never
 * from the server), to compare with the number on the admin's endorsement page.
 */
export const PendingNotice = ({ personId }: { personId: string }) => {
  const { t } = useT('people');
  const { refresh } = useSession();
  const admin = inviterName(personId);
  const check = keyCheckOf(personId);
  return (
    <section className="panel notice" aria-labelledby="pending-title" data-testid="pending-notice">
      <h2 id="pending-title">{admin ? t('pending.titleNamed', { admin }) : t('pending.title')}</h2>
      <p>{t('pending.body', { admin: admin ?? t('pending.yourAdmin') })}</p>
      {check ? (
        <div data-testid="pending-safety">
          <p>{t('pending.compare', { admin: admin ?? t('pending.yourAdmin') })}</p>
          <SafetyNumber mine={check.own} theirs={check.inviter} />
        </div>
      ) : (
        <p className="hint" data-testid="pending-safety-unknown">
          {t('pending.noNumberHere')}
        </p>
      )}
      <button type="button" onClick={() => void refresh()} data-testid="pending-refresh">
        {t('pending.checkAgain')}
      </button>
    </section>
  );
};
