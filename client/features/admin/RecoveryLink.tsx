import { useId, useState } from 'react';
import { API } from '../../../shared/api/index';
import type { PersonView } from '../../../shared/schemas/identity';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { currentWitnessPins } from '../../crypto/witness-pins';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { outOfBandLink } from './out-of-band-link';

/**
 * "Recovery link" for a person of the admin's party who lost their passkeys: after a confirmation,
 * a one-time link (with this browser's log pin) to hand them out of band. It lets them register a
 * new passkey; their keys still open only with their own recovery key.
 */
export const RecoveryLink = ({ person }: { person: PersonView }) => {
  const { t } = useT('admin');
  const id = useId();
  const { status } = useLog();
  const [confirming, setConfirming] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => setConfirming(true)}
        aria-label={t('recovery.buttonNamed', { name: person.name })}
        data-testid="issue-recovery"
      >
        {t('recovery.button')}
      </button>
      {confirming ? (
        <ConfirmDialog
          open
          title={t('recovery.confirmTitle', { name: person.name })}
          confirmLabel={t('recovery.confirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            setLink(null);
            run(async () => {
              const created = await api(API.createRecovery, { params: { personId: person.id } });
              return outOfBandLink(window.location.origin, '/recover', created.link, {
                logPin: status.pin ?? null,
                witnessPins: currentWitnessPins(),
              });
            }, setLink);
          }}
        >
          <p>{t('recovery.confirmBody')}</p>
        </ConfirmDialog>
      ) : null}
      {link ? (
        <div className="panel notice" role="status" data-testid="recovery-created">
          <p>{t('recovery.linkOnce')}</p>
          <label htmlFor={id}>{t('recovery.link')}</label>
          <input id={id} className="wide" readOnly value={link} data-testid="recovery-link" />
          <CopyButton text={link} label={t('invite.copy')} />
        </div>
      ) : null}
      <ErrorNotice error={error} />
    </>
  );
};
