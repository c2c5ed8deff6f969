import { ErrorNotice } from '../../components/ErrorNotice';
import type { LogPin } from '../../crypto/log-pin';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { WitnessFacts } from './WitnessFacts';
import { WitnessPinsPanel } from './WitnessPinsPanel';

const SOURCE_TEXT: Readonly<Record<LogPin['source'], string>> = {
  build: "built into this deployment's client",
  invitation: 'from your invitation link',
  entered: 'entered by you from the operator’s log key',
};

/** The log this browser pinned, and the last checkpoint it verified. */
export const LogPage = () => {
  const { t: ts } = useT('screens');
  const { status, checking, error, check } = useLog();
  return (
    <section aria-labelledby="log-title">
      <h1 id="log-title">{ts('log.title')}</h1>
      <p>
        Every entry and key statement is a leaf of one append-only Merkle log. This browser pinned the log's key from
        the deployment's configuration, never from the server, and accepts a newer checkpoint only with a proof that it
        extends the last one.
      </p>
      {status.pin ? (
        <dl className="facts">
          <dt>Origin</dt>
          <dd data-testid="log-origin">{status.pin.origin}</dd>
          <dt>Pinned verifier key</dt>
          <dd>
            <code data-testid="log-pinned-key">{status.pin.verifierKey}</code>
          </dd>
          <dt>Pinned</dt>
          <dd data-testid="log-pin-source">
            {SOURCE_TEXT[status.pin.source]}
            {status.pin.pinnedAt ? `, ${status.pin.pinnedAt}` : ''}
          </dd>
          <dt>Legacy statements before</dt>
          <dd>{status.pin.legacyBefore}</dd>
          <dt>Verified tree size</dt>
          <dd data-testid="log-tree-size">{status.checkpoint?.treeSize ?? 'none yet'}</dd>
          <dt>Root hash</dt>
          <dd>
            <code>{status.checkpoint?.rootHash ?? '—'}</code>
          </dd>
        </dl>
      ) : (
        <p>No log pinned yet.</p>
      )}
      {status.pin ? <WitnessFacts witness={status.witness} verifiedSize={status.checkpoint?.treeSize ?? null} /> : null}
      <WitnessPinsPanel />
      {status.checkpoint ? (
        <details>
          <summary>Signed checkpoint</summary>
          <pre>{status.checkpoint.note}</pre>
        </details>
      ) : null}
      <button type="button" onClick={() => void check()} disabled={checking} data-testid="log-check">
        {checking ? 'Checking…' : 'Check now'}
      </button>
      <ErrorNotice error={error} />
    </section>
  );
};
