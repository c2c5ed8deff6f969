import { useState } from 'react';
import type { AppendStep } from '../entries/append-step';
import { useT } from '../i18n/useT';

/** The step an append reports, worded in the language on screen (empty before the first). */
export const useAppendStep = () => {
  const { t } = useT('append');
  const [step, setStep] = useState<AppendStep | null>(null);
  const text = step === null ? '' : t(step.kind, { ...step });
  return [text, setStep] as const;
};
