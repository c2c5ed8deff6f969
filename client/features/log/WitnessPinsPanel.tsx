import { useId, useState } from 'react';
import type { PinnedWitness } from '../../../shared/witness/witness-policy';
import {
  forgetWitnessPins,
  pinPastedWitnesses,
  readPastedWitnessPins,
  replaceWitnessPins,
  type WitnessPinChange,
  type WitnessPinRefusal,
} from '../../crypto/witness-pin-changes';
import { useT } from '../../i18n/useT';
import { useLog } from '../../log/useLog';
import { WitnessPinList } from './WitnessPinList';
import { WitnessPinRefusalNotice } from './WitnessPinRefusalNotice';

type Step =
  | { readonly kind: 'view' }
  | { readonly kind: 'edit' }
  | { readonly kind: 'confirm-replace'; readonly text: string; readonly witnesses: readonly PinnedWitness[] }
  | { readonly kind: 'confirm-forget' };

/**
 * The witness keys this browser pins (docs/PROTOCOL.md §9.3), and the person's ways to change
 * them: paste when none are held, replace after a confirm step showing old and new, forget. The
 * text area starts empty and is filled only by the person: pins never come from the server.
 */
export const WitnessPinsPanel = () => {
  const { t } = useT('witnesses');
  const { status, changeWitnesses } = useLog();
  const held = status.witnessPins;
  const [step, setStep] = useState<Step>({ kind: 'view' });
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<WitnessPinRefusal | null>(null);
  const fieldId = useId();
  const apply = (change: () => WitnessPinChange) => {
    const outcome = changeWitnesses(change);
    setRefusal(outcome.ok ? null : outcome.refusal);
    if (outcome.ok) {
      setStep({ kind: 'view' });
      setText('');
    }
  };
  const review = () => {
    const read = readPastedWitnessPins(text);
    setRefusal(read.ok ? null : read.refusal);
    if (read.ok) {
      setStep({ kind: 'confirm-replace', text: read.text, witnesses: read.witnesses });
    }
  };
  const cancel = () => {
    setStep({ kind: 'view' });
    setRefusal(null);
  };
  const isEditing = held === null || step.kind === 'edit';
  return (
    <section aria-labelledby={`${fieldId}-title`} data-testid="witness-pins">
      <h2 id={`${fieldId}-title`}>{t('panel.title')}</h2>
      <p>{t('panel.intro')}</p>
      {held === null ? <p data-testid="witness-pins-none">{t('panel.none')}</p> : null}
      {held ? (
        <>
          <WitnessPinList witnesses={held.witnesses} testId="witness-pins-held" />
          <p data-testid="witness-pins-source">
            {held.source === 'build'
              ? t('panel.built')
              : t(held.source === 'invitation' ? 'panel.fromInvitation' : 'panel.fromEntered', { at: held.pinnedAt })}
          </p>
        </>
      ) : null}
      {isEditing && held?.source !== 'build' ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (held === null) {
              apply(() => pinPastedWitnesses(text));
            } else {
              review();
            }
          }}
        >
          <div className="field">
            <label htmlFor={fieldId}>{t('panel.label')}</label>
            <textarea
              id={fieldId}
              rows={4}
              spellCheck={false}
              value={text}
              onChange={(event) => setText(event.target.value)}
              data-testid="witness-pins-text"
            />
          </div>
          <button type="submit" className="primary" data-testid="witness-pins-submit">
            {held === null ? t('panel.pin') : t('panel.review')}
          </button>
          {held === null ? null : (
            <button type="button" onClick={cancel}>
              {t('panel.cancel')}
            </button>
          )}
        </form>
      ) : null}
      {held && held.source !== 'build' && step.kind === 'view' ? (
        <p>
          <button type="button" onClick={() => setStep({ kind: 'edit' })} data-testid="witness-pins-replace">
            {t('panel.replace')}
          </button>{' '}
          <button type="button" onClick={() => setStep({ kind: 'confirm-forget' })} data-testid="witness-pins-forget">
            {t('panel.forget')}
          </button>
        </p>
      ) : null}
      {held && step.kind === 'confirm-replace' ? (
        <fieldset data-testid="witness-pins-confirm">
          <legend>{t('panel.confirmTitle')}</legend>
          <h4>{t('panel.old')}</h4>
          <WitnessPinList witnesses={held.witnesses} testId="witness-pins-old" />
          <h4>{t('panel.new')}</h4>
          <WitnessPinList witnesses={step.witnesses} testId="witness-pins-new" />
          <button
            type="button"
            className="primary"
            onClick={() => apply(() => replaceWitnessPins(step.text, held.text))}
            data-testid="witness-pins-confirm-replace"
          >
            {t('panel.confirmReplace')}
          </button>{' '}
          <button type="button" onClick={cancel}>
            {t('panel.cancel')}
          </button>
        </fieldset>
      ) : null}
      {held && step.kind === 'confirm-forget' ? (
        <fieldset data-testid="witness-pins-forget-confirm">
          <legend>{t('panel.forgetQuestion')}</legend>
          <button
            type="button"
            onClick={() => apply(() => forgetWitnessPins(held.text))}
            data-testid="witness-pins-confirm-forget"
          >
            {t('panel.confirmForget')}
          </button>{' '}
          <button type="button" onClick={cancel}>
            {t('panel.cancel')}
          </button>
        </fieldset>
      ) : null}
      {refusal ? <WitnessPinRefusalNotice refusal={refusal} /> : null}
    </section>
  );
};
