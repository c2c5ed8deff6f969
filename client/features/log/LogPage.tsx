import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { WitnessFacts } from './WitnessFacts';
import { WitnessPinsPanel } from './WitnessPinsPanel';

/** The log this browser pinned, and the last checkpoint it verified. */
export const LogPage = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('log');
  const format = useFormat();
  const { status, checking, error, check } = useLog();
  return (
    <section aria-labelledby="log-title">
      <h1 id="log-title">{ts('log.title')}</h1>
      <p>{t('intro')}</p>
      {status.pin ? (
        <dl className="facts">
          <dt>{t('origin')}</dt>
          <dd data-testid="log-origin">{status.pin.origin}</dd>
          <dt>{t('pinnedKey')}</dt>
          <dd>
            <code data-testid="log-pinned-key">{status.pin.verifierKey}</code>
          </dd>
          <dt>{t('pinned')}</dt>
          <dd data-testid="log-pin-source">
            {t(`source.${status.pin.source}`)}
            {status.pin.pinnedAt ? `, ${format.dateTime(status.pin.pinnedAt)}` : ''}
          </dd>
          <dt>{t('legacyBefore')}</dt>
          <dd>{status.pin.legacyBefore}</dd>
          <dt>{t('treeSize')}</dt>
          <dd data-testid="log-tree-size">{status.checkpoint?.treeSize ?? t('noneYet')}</dd>
          <dt>{t('rootHash')}</dt>
          <dd>
            <code>{status.checkpoint?.rootHash ?? '—'}</code>
          </dd>
        </dl>
      ) : (
        <p>{t('noPin')}</p>
      )}
      {status.pin ? <WitnessFacts witness={status.witness} verifiedSize={status.checkpoint?.treeSize ?? null} /> : null}
      <WitnessPinsPanel />
      {status.checkpoint ? (
        <details>
          <summary>{t('signedCheckpoint')}</summary>
          <pre>{status.checkpoint.note}</pre>
        </details>
      ) : null}
      <button type="button" onClick={() => void check()} disabled={checking} data-testid="log-check">
        {checking ? t('checking') : t('checkNow')}
      </button>
      <ErrorNotice error={error} />
    </section>
  );
};
