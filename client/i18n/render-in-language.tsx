import { createInstance } from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { catalogues, namespaces } from './catalogues';

const resources = catalogues();

/**
 * The static markup of `screen` rendered with the real catalogues in `language`, through an
 * i18next instance of its own (for tests of what each language shows; no DOM needed).
 */
export const renderInLanguage = (language: string, screen: ReactElement): string => {
  const i18n = createInstance();
  void i18n.init({
    resources,
    ns: namespaces(resources),
    defaultNS: 'common',
    fallbackNS: 'common',
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{screen}</I18nextProvider>);
};
