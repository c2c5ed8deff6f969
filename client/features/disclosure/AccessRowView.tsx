import { EntryContentView } from '../timeline/EntryContentView';
import { ENTRY_TYPE_LABELS, formatInstant } from '../timeline/labels';
import type { AccessRow, EntryAccess } from './disclosure-view';

const ACCESS_TEXT: Readonly<Record<EntryAccess, string>> = {
  'sealed-to-you': 'Sealed to you',
  disclosed: 'Disclosed to you: key commitment checked',
  refused: 'Disclosed key refused',
  withheld: 'Disclosed, but the server sent no ciphertext',
  'not-disclosed': 'Not disclosed to you',
  locked: 'Unlock your keys to read it',
  unreadable: 'Does not open',
};

/** One entry of the stream and how the reader holds it; content only where it opened. */
export const AccessRowView = ({ row }: { row: AccessRow }) => {
  const { view, access } = row;
  return (
    <li className={`entry access-${access}`} data-testid="access-row" data-access={access} data-seq={view.seq}>
      <header className="entry-head">
        <span className="entry-seq">#{view.seq}</span>
        <strong>{ENTRY_TYPE_LABELS[view.type]}</strong>
        <span>
          by {view.author.name} ({view.author.partyName})
        </span>
        <time dateTime={view.claimedAt}>{formatInstant(view.claimedAt)}</time>
      </header>
      <p className={access === 'refused' || access === 'unreadable' ? 'error' : 'hint'} data-testid="access-state">
        {ACCESS_TEXT[access]}
        {row.disclosedIn === undefined ? '' : ` (disclosure #${row.disclosedIn})`}
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
