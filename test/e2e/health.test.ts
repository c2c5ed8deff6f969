import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, HAS_BROWSER, launchChromium } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/test-server';

describe.skipIf(!HAS_BROWSER)('app shell in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.shutdown();
  });

  it('loads under the strict CSP and shows the server health', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') {
        violations.push(message.text());
      }
    });
    await page.goto(`${server.origin}/`);
    await expect.poll(() => page.getByTestId('health-database').textContent()).toBe('pglite');
    expect(await page.getByTestId('health-status').textContent()).toBe('ok');
    await page.screenshot({ path: artifactPath('health.png') });
    expect(violations).toEqual([]);
  });
});
