import { useT } from '../../i18n/useT';
import { useUtcFormat } from '../../i18n/useUtcFormat';
import { EntryContentView } from '../timeline/EntryContentView';
import type { AccessRow } from './disclosure-view';

/** One entry of the stream and how the reader holds it; content only where it opened. */
export const AccessRowView = ({ row }: { row: AccessRow }) => {
  const { t } = useT(['disclosure', 'timeline']);
  const format = useUtcFormat();
  const { view, access } = row;
  return (
    <li className={`entry access-${access}`} data-testid="access-row" data-access={access} data-seq={view.seq}>
      <header className="entry-head">
        <span className="entry-seq">#{view.seq}</span>
        <strong>{t(`timeline:entryType.${view.type}`)}</strong>
        <span>{t('access.by', { name: view.author.name, party: view.author.partyName })}</span>
        <time dateTime={view.claimedAt}>{format.instant(view.claimedAt)}</time>
      </header>
      <p className={access === 'refused' || access === 'unreadable' ? 'error' : 'hint'} data-testid="access-state">
        {t(`access.state.${access}`)}
        {row.disclosedIn === undefined ? '' : t('access.disclosedIn', { seq: row.disclosedIn })}
        {row.reason ? `: ${row.reason}` : ''}
      </p>
      {view.content.state === 'decrypted' && (access === 'disclosed' || access === 'sealed-to-you') ? (
        <div className="entry-content" data-testid="access-content">
          <EntryContentView content={view.content.value} />
        </div>
      ) : null}
    </li>
  );
};
