import { type FormEvent, useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { parseLogKeyText } from '../../../shared/log/log-pin-text';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';

/**
 * Shown once, to a signed-in person whose browser holds no log pin (no build-time pin, and an
 * invitation link without one): they paste what the operator's `npm run admin -- log-key`
 * printed, obtained over a channel they trust. The server is never asked which log to trust.
 */
export const LogPinScreen = () => {
  const { t: ts } = useT('screens');
  const { t } = useT('log');
  const id = useId();
  const { pin } = useLog();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseLogKeyText(text);
    if (!parsed.ok) {
      setProblem(t('pinScreen.notAKey', { reason: parsed.reason }));
      return;
    }
    setProblem(null);
    pin(parsed.pin, 'entered');
  };
  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="log-pin-screen">
      <h1 id={`${id}-title`}>{ts('logPin.title')}</h1>
      <p>
        <Trans t={t} i18nKey="pinScreen.intro" components={{ code: <code /> }} />
      </p>
      <form onSubmit={submit} className="entry-form" data-testid="log-pin-form">
        <label htmlFor={`${id}-text`}>{t('pinScreen.label')}</label>
        <textarea
          id={`${id}-text`}
          rows={4}
          value={text}
          onChange={(event) => setText(event.target.value)}
          required
          aria-describedby={problem ? `${id}-problem` : undefined}
          data-testid="log-pin-input"
        />
        {problem ? (
          <p id={`${id}-problem`} role="alert" className="error" data-testid="log-pin-error">
            {problem}
          </p>
        ) : null}
        <button type="submit" className="primary" data-testid="log-pin-submit">
          {t('pinScreen.submit')}
        </button>
      </form>
    </section>
  );
};
