import { Link } from 'react-router';
import type { StatusGroup } from './dashboard-view';

/** How many cases stand at each status, with the cases themselves. */
export const CasesByStatus = ({ groups, total }: { groups: readonly StatusGroup[]; total: number }) => (
  <section className="panel" aria-labelledby="cases-by-status-title" data-testid="cases-by-status">
    <h2 id="cases-by-status-title">Cases by status ({total})</h2>
    {groups.length === 0 ? (
      <p className="hint">No cases yet.</p>
    ) : (
      <table className="dashboard-table">
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Cases</th>
            <th scope="col">References</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((group) => (
            <tr key={group.status} data-testid="status-row" data-status={group.status}>
              <th scope="row">{group.label}</th>
              <td data-testid="status-count">{group.cases.length}</td>
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
