import { useState } from 'react';
import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useAction } from '../../api/useAction';
import { useQuery } from '../../api/useQuery';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { addOwnPasskey, removeOwnPasskey } from '../../crypto/own-passkeys';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useSession } from '../../session/useSession';
import { PasskeyNameField } from './PasskeyNameField';
import { forgetPasskeyName, passkeyName, renamePasskey } from './passkey-names';

/**
 * The person's passkeys: when each was added and last used, whether it unlocks by itself (PRF),
 * a name of their choosing (kept in this browser: the server needs none), add and remove.
 */
export const PasskeyList = ({
  personId,
  keyId,
  currentCredential,
  canSign,
}: {
  personId: string;
  keyId: string | undefined;
  currentCredential: string;
  canSign: boolean;
}) => {
  const { t } = useT('account');
  const format = useFormat();
  const [list, reload] = useQuery(() => api(API.listPasskeys), []);
  const { busy, error, run } = useAction();
  const { refresh } = useSession();
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [, setNames] = useState(0);
  const act = <T,>(action: () => Promise<T>, done: (value: T) => string) => {
    setNotice(null);
    run(action, (value) => {
      setNotice(done(value));
      reload();
    });
  };
  return (
    <section aria-labelledby="passkeys-title" className="panel">
      <h2 id="passkeys-title">{t('passkeys.title')}</h2>
      {list.status === 'loading' ? <Loading /> : null}
      <ErrorNotice error={list.status === 'error' ? list.error : null} />
      {list.status === 'ready' ? (
        <ul className="cards" data-testid="passkey-list">
          {list.data.passkeys.map((passkey, index) => (
            <li key={passkey.id} className="card" data-testid="passkey-row" data-credential={passkey.id}>
              <PasskeyNameField
                name={passkeyName(personId, passkey.id) ?? t('passkeys.defaultName', { number: index + 1 })}
                onRename={(name) => {
                  renamePasskey(personId, passkey.id, name);
                  setNames((value) => value + 1);
                }}
              />
              <p className="hint">
                {t('passkeys.added', { time: format.dateTime(passkey.createdAt) })}
                {passkey.lastUsedAt
                  ? ` · ${t('passkeys.lastUsed', { time: format.dateTime(passkey.lastUsedAt) })}`
                  : ''}
                {' · '}
                {passkey.hasPrf ? t('passkeys.unlocks') : t('passkeys.needsSecret')}
                {passkey.id === currentCredential ? ` · ${t('passkeys.thisOne')}` : ''}
              </p>
              {list.data.passkeys.length > 1 ? (
                <button
                  type="button"
                  className="danger"
                  disabled={busy || !canSign || keyId === undefined}
                  onClick={() => setRemoving(passkey.id)}
                  data-testid="remove-passkey"
                >
                  {t('passkeys.remove')}
                </button>
              ) : (
                <p className="hint">{t('passkeys.lastOne')}</p>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className="primary"
        disabled={busy || !canSign || keyId === undefined}
        onClick={() =>
          keyId &&
          act(
            () => addOwnPasskey(personId, keyId),
            ({ hasPrf }) => (hasPrf ? t('passkeys.addedPrf') : t('passkeys.addedNoPrf')),
          )
        }
        data-testid="add-passkey"
      >
        {t('passkeys.add')}
      </button>
      {canSign ? null : <p className="hint">{t('passkeys.unlockFirst')}</p>}
      {notice && !error ? (
        <p role="status" data-testid="passkey-notice">
          {notice}
        </p>
      ) : null}
      <ErrorNotice error={error} />
      {removing ? (
        <ConfirmDialog
          open
          title={t('passkeys.removeTitle')}
          confirmLabel={t('passkeys.remove')}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const credential = removing;
            setRemoving(null);
            if (keyId) {
              act(
                async () => {
                  const ended = await removeOwnPasskey(personId, keyId, credential);
                  if (credential === currentCredential) {
                    // The removal ended this session too: asking the server again signs this tab out.
                    await refresh();
                  }
                  return ended;
                },
                (ended) => {
                  forgetPasskeyName(personId, credential);
                  return t('passkeys.removed', { count: ended });
                },
              );
            }
          }}
        >
          <p>{t('passkeys.removeBody')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
};
