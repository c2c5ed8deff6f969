import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The open-case form's step shown now, counted from 1 (`Step 2 of 5`). */
export const caseStep = async (page: Page): Promise<number> =>
  Number(await page.getByTestId('step-indicator').getAttribute('data-step'));

/** Goes on to the open-case form's next step and waits until it shows; fails if the step refused. */
export const nextCaseStep = async (page: Page): Promise<void> => {
  const from = await caseStep(page);
  await page.getByTestId('case-step-next').click();
  await expect.poll(() => caseStep(page)).toBe(from + 1);
  expect(await page.getByTestId('case-step-error').count()).toBe(0);
};
