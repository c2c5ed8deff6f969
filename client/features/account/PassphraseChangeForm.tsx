import { type FormEvent, useId, useState } from 'react';
import { useAction } from '../../api/useAction';
import { ErrorNotice } from '../../components/ErrorNotice';
import { changePassphrase } from '../../crypto/change-passphrase';
import { useT } from '../../i18n/useT';

const MIN_LENGTH = 12;

/** Sets or changes the unlock passphrase (for devices whose passkey gives no PRF output). */
export const PassphraseChangeForm = ({
  personId,
  keyId,
  canSign,
}: {
  personId: string;
  keyId: string | undefined;
  canSign: boolean;
}) => {
  const { t } = useT('account');
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, run, setError } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (passphrase !== repeat) {
      setError(new Error(t('passphrase.mismatch')));
      return;
    }
    if (!keyId) {
      return;
    }
    // Argon2id blocks the main thread for a moment: let "Saving…" paint first.
    run(
      () =>
        new Promise<void>((resolve, reject) =>
          window.setTimeout(() => changePassphrase(personId, keyId, passphrase).then(resolve, reject), 20),
        ),
      () => {
        setDone(true);
        setPassphrase('');
        setRepeat('');
      },
    );
  };
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{t('passphrase.title')}</h2>
      <p className="hint">{t('passphrase.intro', { count: MIN_LENGTH })}</p>
      <form onSubmit={submit} className="grid-form" data-testid="passphrase-form">
        <label htmlFor={`${id}-new`}>{t('passphrase.new')}</label>
        <input
          id={`${id}-new`}
          type="password"
          autoComplete="new-password"
          minLength={MIN_LENGTH}
          required
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          data-testid="passphrase-new"
        />
        <label htmlFor={`${id}-repeat`}>{t('passphrase.repeat')}</label>
        <input
          id={`${id}-repeat`}
          type="password"
          autoComplete="new-password"
          minLength={MIN_LENGTH}
          required
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          data-testid="passphrase-repeat"
        />
        <button type="submit" className="primary" disabled={busy || !canSign} data-testid="passphrase-save">
          {busy ? t('passphrase.saving') : t('passphrase.save')}
        </button>
      </form>
      {done && !error ? (
        <p role="status" data-testid="passphrase-saved">
          {t('passphrase.saved')}
        </p>
      ) : null}
      <ErrorNotice error={error} />
    </section>
  );
};
