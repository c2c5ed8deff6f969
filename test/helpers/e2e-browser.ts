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

/**
 * Stands in for a person who says yes whenever the page asks before sealing to new readers (the
 * "Seal to new readers?" dialog): clicks its confirm button as soon as it opens, and records the
 * names it listed in `window.__parleyReadersAsked`. Tests that examine the dialog turn it off
 * with {@link setAutoConfirmReaders}.
 */
const autoConfirmReaders = () => {
  const state = window as unknown as { __parleyAutoConfirm?: boolean; __parleyReadersAsked?: string[][] };
  state.__parleyAutoConfirm = true;
  state.__parleyReadersAsked = [];
  new MutationObserver(() => {
    const dialog = document.querySelector<HTMLDialogElement>('[data-testid="readers-dialog"]');
    if (dialog && !dialog.open) {
      delete dialog.dataset['answered'];
    }
    if (!dialog?.open || state.__parleyAutoConfirm === false || dialog.dataset['answered'] === 'yes') {
      return;
    }
    dialog.dataset['answered'] = 'yes';
    const names = [...dialog.querySelectorAll('[data-testid="new-reader"]')].map(
      (row) => row.getAttribute('data-person') ?? '',
    );
    state.__parleyReadersAsked?.push(names);
    dialog.querySelector<HTMLButtonElement>('[data-testid="readers-confirm"]')?.click();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['open'] });
};

/** Turns the stand-in for "yes" to the new readers dialog on or off (it starts on). */
export const setAutoConfirmReaders = (person: PersonBrowser, on: boolean) =>
  person.page.evaluate((value) => {
    (window as unknown as { __parleyAutoConfirm?: boolean }).__parleyAutoConfirm = value;
  }, on);

/** Who the page asked about before sealing, since it loaded (person ids, one list per question). */
export const readersAsked = (person: PersonBrowser): Promise<string[][]> =>
  person.page.evaluate(() => (window as unknown as { __parleyReadersAsked?: string[][] }).__parleyReadersAsked ?? []);

/** A fresh browser profile with a CTAP 2.1 platform authenticator, with or without PRF. */
export const openPersonBrowser = async (browser: Browser, options: { hasPrf: boolean }): Promise<PersonBrowser> => {
  const context = await browser.newContext();
  await context.addInitScript(autoConfirmReaders);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url } = message.location();
      errors.push(url ? `${message.text()} (${url})` : message.text());
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
