import { Link } from 'react-router';
import { useT } from '../../i18n/useT';
import { partyViews } from '../../trust/party-view';
import type { TrustData } from '../../trust/trust-context';
import { PartyRootBadge } from './PartyRootBadge';

/** Every party, its root admin and threshold from the log, and whether you verified its root. */
export const PartyList = ({ data }: { data: TrustData }) => {
  const { t } = useT('parties');
  return (
    <table data-testid="party-list">
      <thead>
        <tr>
          <th scope="col">{t('list.party')}</th>
          <th scope="col">{t('list.rootAdmin')}</th>
          <th scope="col">{t('list.threshold')}</th>
          <th scope="col">{t('list.root')}</th>
        </tr>
      </thead>
      <tbody>
        {partyViews(data).map((party) => (
          <tr key={party.id} data-testid="party-row" data-party={party.id}>
            <td>
              <Link to={`/parties/${party.id}`} data-testid="party-link" dir="auto">
                {party.name}
              </Link>
            </td>
            <td dir="auto">{party.rootName ?? '—'}</td>
            <td>{party.record?.threshold ?? '—'}</td>
            <td>
              <PartyRootBadge state={party.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};
