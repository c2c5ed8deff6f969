import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT';
import { useDisplayDate } from '../timeline/useDisplayDate';
import { useEntryQuery } from '../timeline/useEntryQuery';
import { AgeBadge } from './AgeBadge';
import { CaseFiltersForm } from './CaseFiltersForm';
import { type CaseFilters, filterCases, NO_FILTERS } from './case-filters';
import { listCasesWithCommitments } from './case-list';
import { StreamQueryState } from './StreamQueryState';

const ACCESS_KEYS = { 'no-access': 'list.noAccess', locked: 'list.locked', unreadable: 'list.unreadable' } as const;

/** The cases of the caller's party (every case, headers only, for reviewers); names decrypted here. */
export const CaseListPage = () => {
  const { context, contextState, query, reload } = useEntryQuery(listCasesWithCommitments, 'cases');
  const [filters, setFilters] = useState<CaseFilters>(NO_FILTERS);
  const { t } = useT('case');
  const { instant } = useDisplayDate();
  const list = query.status === 'ready' ? query.data : null;
  const all = list?.cases ?? null;
  const cases = useMemo(() => list && filterCases(list.cases, filters, new Date(), list.owed), [list, filters]);
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">{t('list.title')}</h1>
      <p className="hint">{t('list.hint')}</p>
      <div className="entry-actions">
        {context?.me.role === 'staff' ? (
          <Link to="/cases/new" className="button primary" data-testid="open-case-link">
            {t('list.open')}
          </Link>
        ) : null}
        <button type="button" onClick={reload} data-testid="cases-reload">
          {t('reload')}
        </button>
      </div>
      <StreamQueryState contextState={contextState} query={query} what={t('list.loading')} />
      {all && all.length > 0 ? <CaseFiltersForm filters={filters} onChange={setFilters} /> : null}
      {all && all.length === 0 ? <p data-testid="no-cases">{t('list.none')}</p> : null}
      {cases && cases.length > 0 ? (
        <table data-testid="case-list">
          <thead>
            <tr>
              <th scope="col">{t('list.reference')}</th>
              <th scope="col">{t('list.child')}</th>
              <th scope="col">{t('list.age')}</th>
              <th scope="col">{t('list.status')}</th>
              <th scope="col">{t('list.parties')}</th>
              <th scope="col">{t('list.lastActivity')}</th>
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
                      {t('list.broken')}
                    </span>
                  )}
                </td>
                <td data-testid="case-child">
                  {item.access === 'decrypted' ? (
                    <>
                      {item.displayName}
                      {item.nameVariants.length > 1 ? (
                        <span className="hint">
                          {' '}
                          ({t('list.also', { names: item.nameVariants.slice(1).join('; ') })})
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span className="no-access">{t(ACCESS_KEYS[item.access])}</span>
                  )}
                </td>
                <td>{item.age ? <AgeBadge age={item.age} /> : '—'}</td>
                <td data-testid="case-status">
                  {item.status ? t(`statuses.${item.status}`) : t('list.statusUnreadable')}
                </td>
                <td>{item.partyNames.join(', ')}</td>
                <td>{item.lastActivity ? instant(item.lastActivity) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
};
