import { useId, useState } from 'react';
import type { LogFailure } from '../../crypto/log-pin';
import { useLog } from '../../log/useLog';

/**
 * The transparency log did not verify against this browser's pin: a rollback, a fork, a bad proof
 * or another key. Shows both checkpoints as evidence. It cannot be closed without saying the
 * evidence was kept; even then the pinned state stays, so the same failure comes back.
 */
export const LogFailureBanner = ({ failure }: { failure: LogFailure }) => {
  const { acknowledge } = useLog();
  const [kept, setKept] = useState(false);
  const checkboxId = useId();
  return (
    <section className="log-failure" role="alert" aria-labelledby={`${checkboxId}-title`} data-testid="log-failure">
      <h2 id={`${checkboxId}-title`}>The correspondence log failed verification — stop and report this</h2>
      <p>
        <strong>{failure.kind}</strong>: {failure.reason} (detected {failure.detectedAt}). The server may be showing you
        a rewritten or forked history. Do not rely on anything it shows until this is explained.
      </p>
      <h3>Checkpoint this browser trusted</h3>
      <pre data-testid="log-evidence-trusted">{failure.evidence.trusted ?? '(none: first contact)'}</pre>
      <h3>Checkpoint the server offered</h3>
      <pre data-testid="log-evidence-offered">{failure.evidence.offered}</pre>
      <p>
        <input id={checkboxId} type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} />{' '}
        <label htmlFor={checkboxId}>
          I have saved both checkpoints and reported them to the operator and reviewers
        </label>
      </p>
      <button type="button" disabled={!kept} onClick={acknowledge}>
        Acknowledge
      </button>
    </section>
  );
};
