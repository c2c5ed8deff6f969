import { type FormEvent, useId, useState } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../crypto/enrolment';

/** Chooses the unlock passphrase when the passkey has no PRF: twice, at least 12 characters. */
export const PassphraseForm = ({ busy, onChoose }: { busy: boolean; onChoose: (passphrase: string) => void }) => {
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
      <p>
        This passkey cannot unlock your keys by itself (it has no PRF). Choose a passphrase to unlock them on this
        device; it never leaves the browser.
      </p>
      <label htmlFor={`${id}-1`}>Unlock passphrase (at least {MIN_PASSPHRASE_LENGTH} characters)</label>
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
      <label htmlFor={`${id}-2`}>Repeat the passphrase</label>
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
        <p className="hint">Use at least {MIN_PASSPHRASE_LENGTH} characters.</p>
      ) : null}
      {confirmation !== '' && !matches ? <p className="hint">The two passphrases differ.</p> : null}
      <button type="submit" className="primary" disabled={busy || !isLongEnough || !matches}>
        {busy ? 'Protecting your keys…' : 'Set passphrase and finish'}
      </button>
    </form>
  );
};
