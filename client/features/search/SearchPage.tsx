import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { loadStreams } from '../../entries/load-streams';
import { useT } from '../../i18n/useT';
import { StreamQueryState } from '../cases/StreamQueryState';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { type SearchKind, searchDocuments } from './search-documents';
import { buildSearchIndex, searchIndex } from './search-index';

const KINDS: readonly SearchKind[] = ['child', 'letter', 'minutes'];

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
  const { t } = useT('daily');
  const [kinds, setKinds] = useState<ReadonlySet<SearchKind>>(new Set(KINDS));
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
      <h1 id="search-title">{t('search.title')}</h1>
      <p className="hint">{t('search.hint')}</p>
      <StreamQueryState contextState={contextState} query={query} what={t('search.loading')} />
      {/* No action and no method: the form can never be submitted as a request carrying the words. */}
      <search>
        <form onSubmit={(event) => event.preventDefault()} data-testid="search-form">
          <label>
            {t('search.label')}
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
            <legend>{t('search.lookIn')}</legend>
            {KINDS.map((kind) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  checked={kinds.has(kind)}
                  onChange={(event) => toggle(kind, event.target.checked)}
                  data-testid={`search-kind-${kind}`}
                />{' '}
                {t(`search.kind.${kind}`)}
              </label>
            ))}
          </fieldset>
        </form>
      </search>
      {index && text.trim() !== '' ? (
        <div aria-live="polite">
          <p data-testid="search-count">
            {hits.length === 0 ? t('search.nothing') : t('search.found', { count: hits.length })}
          </p>
          <ul data-testid="search-results">
            {hits.map((hit) => (
              <li key={hit.id} data-testid="search-hit" data-kind={hit.kind}>
                <Link to={hit.link} data-testid="search-hit-link" dir="auto">
                  {hit.title}
                </Link>{' '}
                <span className="hint">({t(`search.kind.${hit.kind}`)})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
};
