import { useId, useState } from 'react';
import { Trans } from 'react-i18next';
import { useT } from '../../i18n/useT';

/**
 * The recovery key, shown this once in groups of five. It opens the keys on a device whose passkey
 * cannot; the server never sees it, so nobody can show it again.
 */
export const RecoveryKeyNotice = ({ recoveryKey, onStored }: { recoveryKey: string; onStored: () => void }) => {
  const { t } = useT('enrol');
  const id = useId();
  const [stored, setStored] = useState(false);
  const groups = recoveryKey.split('-');
  return (
    <section aria-labelledby={`${id}-title`} className="panel" data-testid="recovery-notice">
      <h2 id={`${id}-title`}>{t('recovery.title')}</h2>
      <p>
        <Trans t={t} i18nKey="recovery.intro" components={{ strong: <strong /> }} />
      </p>
      <output className="recovery-key" data-testid="recovery-key" aria-label={t('recovery.label')}>
        {groups.map((group, index) => (
          <span key={index}>{`${group}${index < groups.length - 1 ? ' ' : ''}`}</span>
        ))}
      </output>
      <p>
        <input id={id} type="checkbox" checked={stored} onChange={(event) => setStored(event.target.checked)} />{' '}
        <label htmlFor={id}>{t('recovery.stored')}</label>
      </p>
      <button type="button" className="primary" disabled={!stored} onClick={onStored} data-testid="recovery-continue">
        {t('recovery.continue')}
      </button>
    </section>
  );
};
