import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogues, namespaces } from './catalogues';
import { rememberedLanguage } from './language-memory';
import { browserLanguage, DEFAULT_LANGUAGE, LANGUAGES } from './languages';

const resources = catalogues();

const startLanguage = () => rememberedLanguage(localStorage, null) ?? browserLanguage(navigator.languages);

/**
 * The one i18next instance of the client. Catalogues are bundled (three small languages), so
 * initialisation is synchronous and the first render is already in the right language.
 */
void i18next.use(initReactI18next).init({
  resources,
  ns: namespaces(resources),
  defaultNS: 'common',
  fallbackNS: 'common',
  lng: startLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((language) => language.code),
  // React escapes what it renders; escaping again would show "&amp;" in names.
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

const markDocument = (language: string) => {
  document.documentElement.lang = language;
};
markDocument(i18next.language);
i18next.on('languageChanged', markDocument);

export { i18next };
