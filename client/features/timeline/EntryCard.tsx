import type { ReactNode } from 'react';
import type { EntryView } from '../../entries/entry-view';
import { useT } from '../../i18n/useT';
import { CheckBadges } from './CheckBadges';
import { EntryContentView } from './EntryContentView';
import { EntryCorrections } from './EntryCorrections';
import { EntryProvenance } from './EntryProvenance';
import { ENTRY_TYPE_LABELS, formatInstant } from './labels';

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
  const { t } = useT('timeline');
  return (
    <li
      id={`entry-${entry.entryHash}`}
      className={`entry${entry.retractedBy ? ' is-retracted' : ''}`}
      data-testid="timeline-entry"
      data-entry-type={entry.type}
    >
      <header className="entry-head">
        <span className="entry-seq">#{entry.seq}</span>
        <strong data-testid="entry-type">
          {t(`entryType.${entry.type}`, { defaultValue: ENTRY_TYPE_LABELS[entry.type] })}
        </strong>
        <span>
          {t('by')}{' '}
          <span data-testid="entry-author" dir="auto">
            {entry.author.name}
          </span>
          {entry.author.role ? ` (${entry.author.role}, ` : ' ('}
          <span data-testid="entry-party">{entry.author.partyName}</span>)
        </span>
        <time dateTime={entry.claimedAt} data-testid="entry-time" title={`Logged ${formatInstant(entry.receivedAt)}`}>
          {formatInstant(entry.claimedAt)}
        </time>
        {streamLabel ? <span className="hint">in {streamLabel}</span> : null}
      </header>
      <CheckBadges checks={entry.checks} />
      <EntryProvenance entry={entry} />
      {entry.reference || entry.memberNames.length > 0 || entry.attachmentCount > 0 ? (
        <p className="hint">
          {entry.reference ? `Reference ${entry.reference}. ` : ''}
          {entry.memberNames.length > 0 ? `Parties: ${entry.memberNames.join(', ')}. ` : ''}
          {entry.attachmentCount > 0 ? `${entry.attachmentCount} encrypted file(s).` : ''}
        </p>
      ) : null}
      {entry.membershipChange ? (
        <p className="hint" data-testid="membership-change">
          {entry.membershipChange.add.length > 0 ? `Adds ${entry.membershipChange.add.join(', ')}. ` : ''}
          {entry.membershipChange.remove.length > 0 ? `Removes ${entry.membershipChange.remove.join(', ')}. ` : ''}
          Takes effect once every member party consents (a party leaving takes effect at once).
        </p>
      ) : null}
      {entry.cases.some((id) => id !== entry.streamId) ? (
        <p className="hint" data-testid="entry-cases">
          Concerns {entry.caseLabels.map((label) => `case ${label}`).join(', ')}
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
