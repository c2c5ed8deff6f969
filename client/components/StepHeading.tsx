import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT';

/**
 * "Step 2 of 5: …" for a form shown as steps. Focus moves here when the step changes (not when
 * the form first opens), so a keyboard or screen-reader user lands at the top of the new step.
 */
export const StepHeading = ({ index, count, title }: { index: number; count: number; title: string }) => {
  const { t } = useT('forms');
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(index);
  useEffect(() => {
    if (shown.current !== index) {
      shown.current = index;
      heading.current?.focus();
    }
  }, [index]);
  return (
    <h2 ref={heading} tabIndex={-1} className="step-heading" data-testid="step-indicator" data-step={index + 1}>
      {t('steps.of', { step: index + 1, count, title })}
    </h2>
  );
};
