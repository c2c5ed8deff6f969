import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import type { AwaitedRow } from './dashboard-view';
import { streamLabelText } from './stream-label';

/** Entries some recipient party has not yet signed a receipt for, oldest first. */
export const ReceiptsAwaited = ({ rows }: { rows: readonly AwaitedRow[] }) => {
  const { t } = useT(['dashboard', 'timeline']);
  const format = useUtcFormat();
  const { number } = useFormat();
  return (
    <section className="panel" aria-labelledby="receipts-awaited-title" data-testid="receipts-awaited">
      <h2 id="receipts-awaited-title">{t('receipts.title', { count: number(rows.length) })}</h2>
      {rows.length === 0 ? (
        <p className="hint">{t('receipts.none')}</p>
      ) : (
        <ol className="dashboard-list">
          {rows.map((row) => (
            <li key={row.entryHash} data-testid="awaited-receipt" data-entry-type={row.type}>
              <Trans
                t={t}
                i18nKey="receipts.row"
                values={{
                  type: t(`timeline:entryType.${row.type}`),
                  author: row.author,
                  time: format.instant(row.receivedAt),
                  parties: row.awaited.join(', '),
                }}
                components={{ type: <strong />, parties: <span data-testid="awaited-parties" /> }}
              />{' '}
              ·{' '}
              <Link to={`/${row.streamKind === 'case' ? 'cases' : 'threads'}/${row.streamId}#entry-${row.entryHash}`}>
                {streamLabelText(t, row.streamLabel)}
              </Link>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
