import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/** One person's browser profile: its own context, page, CDP session and virtual authenticator. */
export type PersonBrowser = {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly authenticatorId: string;
  /** Console errors (CSP violations among them) and uncaught exceptions, in order. */
  readonly errors: string[];
};

/** A fresh browser profile with a CTAP 2.1 platform authenticator, with or without PRF. */
export const openPersonBrowser = async (browser: Browser, options: { hasPrf: boolean }): Promise<PersonBrowser> => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      ctap2Version: 'ctap2_1',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
      hasPrf: options.hasPrf,
    },
  });
  return { context, page, cdp, authenticatorId, errors };
};

/**
 * Copies the passkeys of one profile's authenticator into another's, as CDP exports them: the
 * private key and counter travel, the PRF (hmac-secret) seed does not (crypto reference §6).
 */
export const copyPasskeys = async (from: PersonBrowser, to: PersonBrowser): Promise<number> => {
  const { credentials } = await from.cdp.send('WebAuthn.getCredentials', { authenticatorId: from.authenticatorId });
  for (const credential of credentials) {
    await to.cdp.send('WebAuthn.addCredential', { authenticatorId: to.authenticatorId, credential });
  }
  return credentials.length;
};
