import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { loadStreams } from '../../entries/load-streams';
import { StreamQueryState } from '../cases/StreamQueryState';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { type SearchKind, searchDocuments } from './search-documents';
import { buildSearchIndex, searchIndex } from './search-index';

const KINDS: readonly { kind: SearchKind; label: string }[] = [
  { kind: 'child', label: 'Children' },
  { kind: 'letter', label: 'Letters and notes' },
  { kind: 'minutes', label: 'Minutes' },
];

/**
 * Search over what this browser verified and decrypted. The query never leaves the page: it is not
 * in the URL, and the only requests made are the stream reads every screen makes.
 */
export const SearchPage = () => {
  const { contextState, query } = useEntryQuery(
    async (ctx) => ({ loaded: await loadStreams(ctx), now: new Date() }),
    'search',
  );
  const [text, setText] = useState('');
  const [kinds, setKinds] = useState<ReadonlySet<SearchKind>>(new Set(KINDS.map(({ kind }) => kind)));
  const read = query.status === 'ready' ? query.data : null;
  const index = useMemo(() => read && buildSearchIndex(searchDocuments(read.loaded, read.now)), [read]);
  const hits = useMemo(() => (index ? searchIndex(index, text, kinds) : []), [index, text, kinds]);
  const toggle = (kind: SearchKind, on: boolean) => {
    const next = new Set(kinds);
    if (on) {
      next.add(kind);
    } else {
      next.delete(kind);
    }
    setKinds(next);
  };
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <p className="hint">
        Searches only what this browser has verified and decrypted. Your words are never sent to the server.
      </p>
      <StreamQueryState contextState={contextState} query={query} what="Verifying and decrypting every stream" />
      {/* No action and no method: the form can never be submitted as a request carrying the words. */}
      <search>
        <form onSubmit={(event) => event.preventDefault()} data-testid="search-form">
          <label>
            Names (Latin or Cyrillic), words or phrases
            <input
              type="search"
              value={text}
              onChange={(event) => setText(event.target.value)}
              disabled={!index}
              dir="auto"
              data-testid="search-input"
            />
          </label>
          <fieldset>
            <legend>Look in</legend>
            {KINDS.map(({ kind, label }) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={kinds.has(kind)}
                  onChange={(event) => toggle(kind, event.target.checked)}
                  data-testid={`search-kind-${kind}`}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
        </form>
      </search>
      {index && text.trim() !== '' ? (
        <div aria-live="polite">
          <p data-testid="search-count">{hits.length === 0 ? 'Nothing found.' : `${hits.length} found.`}</p>
          <ul data-testid="search-results">
            {hits.map((hit) => (
              <li key={hit.id} data-testid="search-hit" data-kind={hit.kind}>
                <Link to={hit.link} data-testid="search-hit-link" dir="auto">
                  {hit.title}
                </Link>{' '}
                <span className="hint">({KINDS.find(({ kind }) => kind === hit.kind)?.label})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
};
