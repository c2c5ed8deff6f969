import { useEffect, useId, useState } from 'react';
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
      {failure.evidence.trusted ? (
        <EvidenceDownload note={failure.evidence.trusted} name="trusted-checkpoint.txt" testId="log-download-trusted" />
      ) : null}
      <h3>Checkpoint the server offered</h3>
      <pre data-testid="log-evidence-offered">{failure.evidence.offered}</pre>
      <EvidenceDownload note={failure.evidence.offered} name="offered-checkpoint.txt" testId="log-download-offered" />
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

/** A link that saves one signed note byte for byte, as evidence to hand to reviewers. */
const EvidenceDownload = ({ note, name, testId }: { note: string; name: string; testId: string }) => {
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([note], { type: 'text/plain;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [note]);
  return href ? (
    <p>
      <a href={href} download={name} data-testid={testId}>
        Download {name}
      </a>
    </p>
  ) : null;
};
