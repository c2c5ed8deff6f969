import { type FormEvent, useId, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../crypto/enrolment';
import { useT } from '../../i18n/useT';

/** Chooses the unlock passphrase when the passkey has no PRF: twice, at least 12 characters. */
export const PassphraseForm = ({ busy, onChoose }: { busy: boolean; onChoose: (passphrase: string) => void }) => {
  const { t } = useT('enrol');
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const isLongEnough = [...passphrase].length >= MIN_PASSPHRASE_LENGTH;
  const matches = passphrase === confirmation;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isLongEnough && matches) {
      onChoose(passphrase);
    }
  };
  return (
    <form onSubmit={submit} className="stack" data-testid="passphrase-form">
      <p>{t('passphrase.intro')}</p>
      <label htmlFor={`${id}-1`}>{t('passphrase.label', { count: MIN_PASSPHRASE_LENGTH })}</label>
      <input
        id={`${id}-1`}
        type="password"
        autoComplete="new-password"
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
        aria-invalid={passphrase !== '' && !isLongEnough}
        data-testid="passphrase-input"
        required
      />
      <label htmlFor={`${id}-2`}>{t('passphrase.repeat')}</label>
      <input
        id={`${id}-2`}
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={(event) => setConfirmation(event.target.value)}
        aria-invalid={confirmation !== '' && !matches}
        data-testid="passphrase-confirm"
        required
      />
      {passphrase !== '' && !isLongEnough ? (
        <p className="hint">{t('passphrase.tooShort', { count: MIN_PASSPHRASE_LENGTH })}</p>
      ) : null}
      {confirmation !== '' && !matches ? <p className="hint">{t('passphrase.differ')}</p> : null}
      <button type="submit" className="primary" disabled={busy || !isLongEnough || !matches}>
        {busy ? t('passphrase.protecting') : t('passphrase.submit')}
      </button>
    </form>
  );
};
