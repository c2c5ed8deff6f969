import { Link } from 'react-router';
import { useFormat } from '../../i18n/useFormat';
import { useT } from '../../i18n/useT';
import type { StatusGroup } from './dashboard-view';

/** How many cases stand at each status, with the cases themselves. */
export const CasesByStatus = ({ groups, total }: { groups: readonly StatusGroup[]; total: number }) => {
  const { t } = useT(['dashboard', 'case']);
  const { number } = useFormat();
  return (
    <section className="panel" aria-labelledby="cases-by-status-title" data-testid="cases-by-status">
      <h2 id="cases-by-status-title">{t('byStatus.title', { count: number(total) })}</h2>
      {groups.length === 0 ? (
        <p className="hint">{t('byStatus.none')}</p>
      ) : (
        <table className="dashboard-table">
          <thead>
            <tr>
              <th scope="col">{t('byStatus.status')}</th>
              <th scope="col">{t('byStatus.cases')}</th>
              <th scope="col">{t('byStatus.references')}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.status} data-testid="status-row" data-status={group.status}>
                <th scope="row">
                  {group.status === 'unknown' ? t('byStatus.unknown') : t(`case:statuses.${group.status}`)}
                </th>
                <td data-testid="status-count">{number(group.cases.length)}</td>
                <td>
                  {group.cases.map((item, index) => (
                    <span key={item.id}>
                      {index > 0 ? ', ' : ''}
                      <Link to={`/cases/${item.id}`}>{item.reference}</Link>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
};
