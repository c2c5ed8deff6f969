import { Link } from 'react-router';
import { partyViews } from '../../trust/party-view';
import type { TrustData } from '../../trust/trust-context';
import { PartyRootBadge } from './PartyRootBadge';

/** Every party, its root admin and threshold from the log, and whether you verified its root. */
export const PartyList = ({ data }: { data: TrustData }) => (
  <table data-testid="party-list">
    <thead>
      <tr>
        <th scope="col">Party</th>
        <th scope="col">Root admin</th>
        <th scope="col">Admins who must sign</th>
        <th scope="col">Root</th>
      </tr>
    </thead>
    <tbody>
      {partyViews(data).map((party) => (
        <tr key={party.id} data-testid="party-row" data-party={party.id}>
          <td>
            <Link to={`/parties/${party.id}`} data-testid="party-link">
              {party.name}
            </Link>
          </td>
          <td>{party.rootName ?? '—'}</td>
          <td>{party.record?.threshold ?? '—'}</td>
          <td>
            <PartyRootBadge state={party.state} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);
