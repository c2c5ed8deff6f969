import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { formatInstant, STATUS_LABELS } from '../timeline/labels';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { AgeBadge } from './AgeBadge';
import { CaseFiltersForm } from './CaseFiltersForm';
import { type CaseFilters, filterCases, NO_FILTERS } from './case-filters';
import { listCasesWithCommitments } from './case-list';
import { StreamQueryState } from './StreamQueryState';

const ACCESS_TEXT = {
  'no-access': 'No access to content',
  locked: 'Unlock your keys to read',
  unreadable: 'Content does not open',
} as const;

/** The cases of the caller's party (every case, headers only, for reviewers); names decrypted here. */
export const CaseListPage = () => {
  const { context, contextState, query, reload } = useEntryQuery(listCasesWithCommitments, 'cases');
  const [filters, setFilters] = useState<CaseFilters>(NO_FILTERS);
  const list = query.status === 'ready' ? query.data : null;
  const all = list?.cases ?? null;
  const cases = useMemo(() => list && filterCases(list.cases, filters, new Date(), list.owed), [list, filters]);
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">Cases</h1>
      <p className="hint">
        Names, ages and statuses are decrypted and derived in this browser; the server holds only references, parties
        and ciphertext.
      </p>
      <div className="entry-actions">
        {context?.me.role === 'staff' ? (
          <Link to="/cases/new" className="button primary" data-testid="open-case-link">
            Open a case
          </Link>
        ) : null}
        <button type="button" onClick={reload} data-testid="cases-reload">
          Reload
        </button>
      </div>
      <StreamQueryState contextState={contextState} query={query} what="Verifying and decrypting cases" />
      {all && all.length > 0 ? <CaseFiltersForm filters={filters} onChange={setFilters} /> : null}
      {all && all.length === 0 ? <p data-testid="no-cases">No cases yet.</p> : null}
      {cases && cases.length > 0 ? (
        <table data-testid="case-list">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">Child</th>
              <th scope="col">Age</th>
              <th scope="col">Status</th>
              <th scope="col">Parties</th>
              <th scope="col">Last activity</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((item) => (
              <tr key={item.id} data-testid="case-row">
                <td>
                  <Link to={`/cases/${item.id}`} data-testid="case-reference">
                    {item.reference}
                  </Link>
                  {item.isIntact ? null : (
                    <span className="badge key-changed" data-testid="case-broken">
                      Does not verify
                    </span>
                  )}
                </td>
                <td data-testid="case-child">
                  {item.access === 'decrypted' ? (
                    <>
                      {item.displayName}
                      {item.nameVariants.length > 1 ? (
                        <span className="hint"> (also {item.nameVariants.slice(1).join('; ')})</span>
                      ) : null}
                    </>
                  ) : (
                    <span className="no-access">{ACCESS_TEXT[item.access]}</span>
                  )}
                </td>
                <td>{item.age ? <AgeBadge age={item.age} /> : '—'}</td>
                <td data-testid="case-status">{item.status ? STATUS_LABELS[item.status] : 'Not readable here'}</td>
                <td>{item.partyNames.join(', ')}</td>
                <td>{item.lastActivity ? formatInstant(item.lastActivity) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
