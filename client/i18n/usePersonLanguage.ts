import { useEffect } from 'react';
import { useSignedIn } from '../session/useSession';
import { rememberedLanguage, rememberLanguage } from './language-memory';
import type { Language } from './languages';
import { useLanguage } from './useT';

/**
 * The language of the person signed in here: when someone signs in, the screen switches to the
 * language they chose last time in this browser; `choose` changes it and remembers it for them.
 */
export const usePersonLanguage = () => {
  const { i18n, language } = useLanguage();
  const personId = useSignedIn()?.person.id ?? null;
  useEffect(() => {
    const remembered = rememberedLanguage(localStorage, personId);
    if (remembered !== null && remembered !== i18n.language) {
      void i18n.changeLanguage(remembered);
    }
  }, [personId, i18n]);
  const choose = (language: Language) => {
    rememberLanguage(localStorage, personId, language);
    void i18n.changeLanguage(language);
  };
  return { language, choose };
};
