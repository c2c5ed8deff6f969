import { type FormEvent, useId, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useT } from '../../i18n/useT';

/** One field (passphrase or recovery key) and its unlock button. */
export const SecretUnlockForm = ({
  label,
  hint,
  kind,
  submitLabel,
  onUnlock,
}: {
  label: string;
  hint: string;
  kind: 'passphrase' | 'recovery';
  submitLabel: string;
  onUnlock: (secret: string) => Promise<void>;
}) => {
  const { t } = useT('sign-in');
  const id = useId();
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // Let the busy state paint before Argon2id or the vault opening blocks the main thread.
    window.setTimeout(() => {
      onUnlock(secret).then(
        () => setSecret(''),
        (failure: unknown) => {
          setError(failure);
          setBusy(false);
        },
      );
    }, 20);
  };
  return (
    <form onSubmit={submit} className="stack" data-testid={`unlock-${kind}-form`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={kind === 'passphrase' ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        value={secret}
        onChange={(event) => setSecret(event.target.value)}
        aria-describedby={`${id}-hint`}
        data-testid={`unlock-${kind}-input`}
        required
      />
      <span id={`${id}-hint`} className="hint">
        {hint}
      </span>
      <button type="submit" disabled={busy || secret.trim() === ''} data-testid={`unlock-${kind}-submit`}>
        {busy ? t('unlocking') : submitLabel}
      </button>
      <ErrorNotice error={error} testId={`unlock-${kind}-error`} />
    </form>
  );
};
