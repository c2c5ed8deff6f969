import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Moves the single-page app to `path` without a reload (a reload would lock the keys). */
export const goTo = async (page: Page, path: string): Promise<void> => {
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.locator('main h1').first().waitFor();
  await settle(page);
};

/** Waits until no busy notice ("Loading…", "Verifying…") is left in the page, or 20 s. */
export const settle = async (page: Page): Promise<void> => {
  await page
    .waitForFunction(
      () =>
        ![...document.querySelectorAll('main [role="status"]')].some((node) =>
          (node.textContent ?? '').trim().endsWith('…'),
        ),
      undefined,
      { timeout: 20_000 },
    )
    .catch(() => undefined);
  await page.waitForTimeout(150);
};

/** How far the page scrolls sideways (0 when it fits), and the widest elements that stick out. */
export const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflow = document.documentElement.scrollWidth - width;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((node) => node.getBoundingClientRect().right > width + 1)
      .slice(0, 5)
      .map(
        (node) =>
          `${node.tagName.toLowerCase()}.${[...node.classList].join('.')}[${node.getAttribute('data-testid') ?? ''}]`,
      );
    return { overflow, culprits };
  });

export type AxeViolation = { id: string; impact: string | null; nodes: string[] };

/** axe-core's violations on the page as it stands (WCAG 2.x A and AA rules and best practices). */
export const axeViolations = async (page: Page): Promise<AxeViolation[]> => {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) {
    // Through the debugging protocol, which the page's CSP (no inline scripts) does not govern.
    await page.evaluate(axeSource);
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)),
    }));
  });
};
