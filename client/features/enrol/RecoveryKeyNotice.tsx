import { useId, useState } from 'react';

/**
 * The recovery key, shown this once in groups of five. It opens the keys on a device whose passkey
 * cannot; the server never sees it, so nobody can show it again.
 */
export const RecoveryKeyNotice = ({ recoveryKey, onStored }: { recoveryKey: string; onStored: () => void }) => {
  const id = useId();
  const [stored, setStored] = useState(false);
  const groups = recoveryKey.split('-');
  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="recovery-notice">
      <h2 id={`${id}-title`}>Your recovery key</h2>
      <p>
        Write it down or store it in a safe place now. It is shown <strong>only once</strong>. With it you can unlock
        your keys on a new device or if your passkey is lost; without it, nobody can.
      </p>
      <output className="recovery-key" data-testid="recovery-key" aria-label="Recovery key">
        {groups.map((group, index) => (
          <span key={index}>{`${group}${index < groups.length - 1 ? ' ' : ''}`}</span>
        ))}
      </output>
      <p>
        <input id={id} type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />{' '}
        <label htmlFor={id}>I have stored it</label>
      </p>
      <button type="button" className="primary" disabled={!stored} onClick={onStored} data-testid="recovery-continue">
        Continue
      </button>
    </section>
  );
};
