import { useState } from 'react';
import { useT } from '../i18n/useT';

/** Copies a text to the clipboard and says whether it worked. */
export const CopyButton = ({ text, label }: { text: string; label?: string }) => {
  const { t } = useT('components');
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <>
      <button type="button" onClick={copy} data-testid="copy-button">
        {label ?? t('copy')}
      </button>
      <span aria-live="polite" className="hint">
        {state === 'copied' ? t('copied') : state === 'failed' ? t('copyFailed') : ''}
      </span>
    </>
  );
};
