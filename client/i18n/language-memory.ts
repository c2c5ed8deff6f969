import { isLanguage, type Language } from './languages';

/**
 * The language each person chose, kept in this browser per person (a display preference, not a
 * secret), plus the last choice made here for the screens seen before anyone signs in.
 */
const keyFor = (personId: string | null) => (personId === null ? 'parley.language' : `parley.language.${personId}`);

export const rememberedLanguage = (storage: Storage, personId: string | null): Language | null => {
  const value = storage.getItem(keyFor(personId));
  return isLanguage(value) ? value : null;
};

export const rememberLanguage = (storage: Storage, personId: string | null, language: Language) => {
  storage.setItem(keyFor(null), language);
  if (personId !== null) {
    storage.setItem(keyFor(personId), language);
  }
};
