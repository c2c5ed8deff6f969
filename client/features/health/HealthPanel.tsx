import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';

/** The server's health, as `GET /api/health` reports it. */
export const HealthPanel = () => {
  const [health] = useQuery(() => api(API.health), []);
  if (health.status === 'loading') {
    return <p>Checking the server…</p>;
  }
  if (health.status === 'error') {
    return <p role="alert">Server unreachable: {health.error.message}</p>;
  }
  const { database, version, schemaVersion } = health.data;
  return (
    <dl className="health" data-testid="health">
      <dt>Server</dt>
      <dd data-testid="health-status">{health.data.status}</dd>
      <dt>Database</dt>
      <dd data-testid="health-database">{database}</dd>
      <dt>Version</dt>
      <dd>{version}</dd>
      <dt>Schema version</dt>
      <dd>{schemaVersion}</dd>
    </dl>
  );
};
