import { Link, useLocation } from 'react-router';
import { useT } from '../../i18n/useT';

/** What an unknown address shows instead of the router's developer error page. */
export const NotFoundPage = () => {
  const { t } = useT();
  const { pathname } = useLocation();
  return (
    <section data-testid="not-found">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: pathname })}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </section>
  );
};
