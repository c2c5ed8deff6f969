import { useTranslation } from 'react-i18next';

/**
 * The translation function for one or more catalogue namespaces (`common` is always the fallback):
 * `const { t } = useT('people'); t('title')`.
 */
export const useT = (namespace: string | readonly string[] = 'common') => useTranslation(namespace);
