import { API } from '../../../shared/api/index';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { useT } from '../../i18n/useT';

/** The server's health, as `GET /api/health` reports it. */
export const HealthPanel = () => {
  const { t } = useT('health');
  const [health] = useQuery(() => api(API.health), []);
  if (health.status === 'loading') {
    return <p>{t('checking')}</p>;
  }
  if (health.status === 'error') {
    return <p role="alert">{t('unreachable', { message: health.error.message })}</p>;
  }
  const { database, version, schemaVersion } = health.data;
  return (
    <dl className="health" data-testid="health">
      <dt>{t('server')}</dt>
      <dd data-testid="health-status">{health.data.status}</dd>
      <dt>{t('database')}</dt>
      <dd data-testid="health-database">{database}</dd>
      <dt>{t('version')}</dt>
      <dd>{version}</dd>
      <dt>{t('schemaVersion')}</dt>
      <dd>{schemaVersion}</dd>
    </dl>
  );
};
