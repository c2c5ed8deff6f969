import { useEffect, useId, useState } from 'react';
import { Trans } from 'react-i18next';
import type { LogFailure } from '../../crypto/log-pin';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';

/**
 * The transparency log did not verify against this browser's pin: a rollback, a fork, a bad proof
 * or another key. Shows both checkpoints as evidence. It cannot be closed without saying the
 * evidence was kept; even then the pinned state stays, so the same failure comes back.
 */
export const LogFailureBanner = ({ failure }: { failure: LogFailure }) => {
  const { t } = useT('log');
  const format = useFormat();
  const { acknowledge } = useLog();
  const [kept, setKept] = useState(false);
  const checkboxId = useId();
  return (
    <section className="log-failure" role="alert" aria-labelledby={`${checkboxId}-title`} data-testid="log-failure">
      <h2 id={`${checkboxId}-title`}>{t('failure.title')}</h2>
      <p>
        <Trans
          t={t}
          i18nKey="failure.body"
          values={{ kind: failure.kind, reason: failure.reason, date: format.dateTime(failure.detectedAt) }}
          components={{ kind: <strong /> }}
        />
      </p>
      <h3>{t('failure.trusted')}</h3>
      <pre data-testid="log-evidence-trusted">{failure.evidence.trusted ?? t('failure.firstContact')}</pre>
      {failure.evidence.trusted ? (
        <EvidenceDownload note={failure.evidence.trusted} name="trusted-checkpoint.txt" testId="log-download-trusted" />
      ) : null}
      <h3>{t('failure.offered')}</h3>
      <pre data-testid="log-evidence-offered">{failure.evidence.offered}</pre>
      <EvidenceDownload note={failure.evidence.offered} name="offered-checkpoint.txt" testId="log-download-offered" />
      <p>
        <input id={checkboxId} type="checkbox" checked={kept} onChange={(event) => setKept(event.target.checked)} />{' '}
        <label htmlFor={checkboxId}>{t('failure.kept')}</label>
      </p>
      <button type="button" disabled={!kept} onClick={acknowledge}>
        {t('failure.acknowledge')}
      </button>
    </section>
  );
};

/** A link that saves one signed note byte for byte, as evidence to hand to reviewers. */
const EvidenceDownload = ({ note, name, testId }: { note: string; name: string; testId: string }) => {
  const { t } = useT('log');
  const [href, setHref] = useState<string | null>(null);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([note], { type: 'text/plain;charset=utf-8' }));
    setHref(url);
    return () => URL.revokeObjectURL(url);
  }, [note]);
  return href ? (
    <p>
      <a href={href} download={name} data-testid={testId}>
        {t('failure.download', { name })}
      </a>
    </p>
  ) : null;
};
