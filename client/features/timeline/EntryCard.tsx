import type { ReactNode } from 'react';
import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { CheckBadges } from './CheckBadges';
import { EntryContentView } from './EntryContentView';
import { EntryCorrections } from './EntryCorrections';
import { EntryProvenance } from './EntryProvenance';
import { useDisplayDate } from './useDisplayDate';

const NoContent = ({ entry }: { entry: EntryView }) => {
  const { t } = useT('timeline');
  const { content } = entry;
  switch (content.state) {
    case 'no-access':
      return (
        <p className="no-access" data-testid="no-access">
          {t('noAccess')}
        </p>
      );
    case 'locked':
      return (
        <p className="hint" data-testid="content-locked">
          {t('locked')}
        </p>
      );
    case 'unreadable':
      return (
        <p role="alert" className="error" data-testid="content-unreadable">
          {t('unreadable', { reason: content.reason })}
        </p>
      );
    default:
      return null;
  }
};

/** One entry of a timeline: its signed header, its three checks, its content or why there is none. */
export const EntryCard = ({
  entry,
  streamLabel,
  children,
}: {
  entry: EntryView;
  streamLabel?: string;
  children?: ReactNode;
}) => {
  const { t } = useT(['timeline', 'timeline-views']);
  const { instant } = useDisplayDate();
  const change = entry.membershipChange;
  return (
    <li
      id={`entry-${entry.entryHash}`}
      className={`entry${entry.retractedBy ? ' is-retracted' : ''}`}
      data-testid="timeline-entry"
      data-entry-type={entry.type}
    >
      <header className="entry-head">
        <span className="entry-seq">#{entry.seq}</span>
        <strong data-testid="entry-type">{t(`entryType.${entry.type}`)}</strong>
        <span>
          {t('by')}{' '}
          <span data-testid="entry-author" dir="auto">
            {entry.author.name}
          </span>
          {entry.author.role
            ? ` (${t(`common:account.role.${entry.author.role}`, { defaultValue: entry.author.role })}, `
            : ' ('}
          <span data-testid="entry-party">{entry.author.partyName}</span>)
        </span>
        <time
          dateTime={entry.claimedAt}
          data-testid="entry-time"
          title={t('timeline-views:logged', { time: instant(entry.receivedAt) })}
        >
          {instant(entry.claimedAt)}
        </time>
        {streamLabel ? <span className="hint">{t('timeline-views:inStream', { stream: streamLabel })}</span> : null}
      </header>
      <CheckBadges checks={entry.checks} />
      <EntryProvenance entry={entry} />
      {entry.reference || entry.memberNames.length > 0 || entry.attachmentCount > 0 ? (
        <p className="hint">
          {entry.reference ? `${t('timeline-views:reference', { reference: entry.reference })} ` : ''}
          {entry.memberNames.length > 0
            ? `${t('timeline-views:parties', { parties: entry.memberNames.join(', ') })} `
            : ''}
          {entry.attachmentCount > 0 ? t('timeline-views:files', { count: entry.attachmentCount }) : ''}
        </p>
      ) : null}
      {change ? (
        <p className="hint" data-testid="membership-change">
          {change.add.length > 0 ? `${t('timeline-views:adds', { names: change.add.join(', ') })} ` : ''}
          {change.remove.length > 0 ? `${t('timeline-views:removes', { names: change.remove.join(', ') })} ` : ''}
          {t('timeline-views:takesEffect')}
        </p>
      ) : null}
      {entry.cases.some((id) => id !== entry.streamId) ? (
        <p className="hint" data-testid="entry-cases">
          {t('timeline-views:concerns', {
            cases: entry.caseLabels.map((label) => t('timeline-views:case', { label })).join(', '),
          })}
        </p>
      ) : null}
      <EntryCorrections entry={entry} />
      <div className="entry-content" data-testid="entry-content">
        {entry.content.state === 'decrypted' ? (
          <EntryContentView content={entry.content.value} />
        ) : (
          <NoContent entry={entry} />
        )}
      </div>
      {children}
    </li>
  );
};
