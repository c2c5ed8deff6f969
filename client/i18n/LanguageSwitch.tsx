import { useId } from 'react';
import { isLanguage, LANGUAGES } from './languages';
import { usePersonLanguage } from './usePersonLanguage';
import { useT } from './useT';

/** The language picker in the masthead; each language is named in itself. */
export const LanguageSwitch = () => {
  const { t } = useT();
  const { language, choose } = usePersonLanguage();
  const id = useId();
  return (
    <div className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={language}
        data-testid="language-switch"
        onChange={(event) => {
          if (isLanguage(event.target.value)) {
            choose(event.target.value);
          }
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option.code} value={option.code} lang={option.code}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
};
