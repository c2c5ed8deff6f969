import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { endorseEnrolment } from '../../client/sdk/admin-operations';
import { type Enrolment, enrolPerson } from '../../client/sdk/enrol-person';
import { type Database, selectRows } from '../../db/client';
import { invitationRoutes, keyRoutes } from '../../shared/api/identity';
import { type LogPinText, withLogPin } from '../../shared/log/log-pin-text';
import type { Role } from '../../shared/schemas/role';
import { driversUnderTest } from './databases';
import { openPersonBrowser, type PersonBrowser } from './e2e-browser';
import { enrolThroughLink } from './e2e-identity-flows';
import { type BootstrappedServer, logPinOf, startBootstrappedServer } from './e2e-server';
import { bootstrapAdminInvitation } from './sdk-bootstrap';
import { startTestServer } from './test-server';

/** The server under test, the first admin's invitation, and how to throw its database away. */
export type EntriesServer = BootstrappedServer & { readonly driver: 'pglite' | 'postgres'; cleanup(): Promise<void> };

/**
 * The real server, with the first admin invited the operator's way. On PGlite (the default) the
 * admin CLI writes the invitation before the server starts, as for the identity tests; with
 * `DATABASE_URL` set, a throwaway PostgreSQL database is used and the invitation is written the
 * way the CLI writes it (test/helpers/sdk-bootstrap.ts), since the CLI only targets PGlite here.
 */
export const startEntriesServer = async (admin: { party: string; name: string }): Promise<EntriesServer> => {
  const postgres = driversUnderTest().find((driver) => driver.name === 'postgres');
  if (!postgres) {
    const booted = await startBootstrappedServer(admin);
    return { ...booted, driver: 'pglite', cleanup: () => booted.server.shutdown() };
  }
  const database = await postgres.create();
  const server = await startTestServer({
    databaseUrl: database.options.databaseUrl,
    dataDir: database.options.dataDir,
  });
  const { link } = await bootstrapAdminInvitation(server, admin.party, admin.name);
  const logPin = logPinOf(server);
  return {
    server,
    origin: server.origin,
    // As the command line prints it: the link carries the log pin.
    adminLink: withLogPin(link, logPin),
    logPin,
    driver: 'postgres',
    cleanup: async () => {
      await server.shutdown();
      await database.cleanup();
    },
  };
};

/**
 * A party's root admin, bootstrapped by the operator and driven from Node: invites and endorses the
 * people of their own party, and hands out links that carry the log pin (as a browser admin does).
 */
export type SdkAdmin = Enrolment & {
  readonly personId: string;
  readonly name: string;
  readonly partyId: string;
  readonly partyName: string;
  readonly logPin: LogPinText;
};

const asSdkAdmin = (admin: Enrolment, name: string, logPin: LogPinText): SdkAdmin =>
  Object.assign(admin, {
    personId: admin.session.person.id,
    name,
    partyId: admin.session.person.party.id,
    partyName: admin.session.person.party.name,
    logPin,
  });

/** The root admin of the party the server was started with. */
export const enrolSdkAdmin = async (booted: EntriesServer, name: string): Promise<SdkAdmin> =>
  asSdkAdmin(await enrolPerson(booted.server.url, booted.adminLink, { origin: booted.origin }), name, booted.logPin);

/**
 * Starts a new party the operator's way (what `npm run admin -- invite` does, against the running
 * server) and enrols its root admin through the SDK.
 */
export const startParty = async (booted: EntriesServer, partyName: string, adminName: string): Promise<SdkAdmin> => {
  const { link } = await bootstrapAdminInvitation(booted.server, partyName, adminName);
  return asSdkAdmin(await enrolPerson(booted.server.url, link, { origin: booted.origin }), adminName, booted.logPin);
};

/** A person enrolled in their own browser profile (passkey in its virtual authenticator), endorsed, unlocked. */
export type BrowserPerson = PersonBrowser & { readonly personId: string; readonly name: string };

/**
 * Invites a person into the SDK admin's party, enrols them through the link (which carries the log
 * pin, so their browser pins the log from it) in a fresh browser profile with a PRF passkey,
 * endorses them and waits until their browser knows they are active.
 */
export const enrolBrowserPerson = async (
  browser: Browser,
  admin: SdkAdmin,
  who: { role: Role; name: string },
  screenshots: string,
): Promise<BrowserPerson> => {
  const { link } = await admin.http.api(invitationRoutes.createInvitation, {
    body: { partyId: admin.partyId, role: who.role, name: who.name },
  });
  const person = await openPersonBrowser(browser, { hasPrf: true });
  await enrolThroughLink(
    person,
    withLogPin(link, admin.logPin),
    { name: who.name, party: admin.partyName, role: who.role, inviter: admin.name },
    screenshots,
  );
  const { pending } = await admin.http.api(keyRoutes.listPendingEnrolments);
  const personId = pending.find((candidate) => candidate.person.name === who.name)?.person.id ?? '';
  await endorseEnrolment(admin.http, admin.keyring.signer(admin.personId), personId);
  await person.page.getByTestId('pending-refresh').click();
  await person.page.getByTestId('pending-notice').waitFor({ state: 'detached' });
  await person.page.getByTestId('home-unlocked').waitFor();
  return Object.assign(person, { personId, name: who.name });
};

/**
 * Every row of every table (all schemas but the catalogues), as JSON text: what an operator or an
 * attacker with the database would hold. `bytea` columns appear as `\x…` hex.
 */
export const dumpDatabase = async (database: Database): Promise<{ text: string; tables: string[] }> => {
  const tables = await selectRows<{ schemaname: string; tablename: string }>(
    database.db,
    sql`select schemaname, tablename from pg_tables
        where schemaname not in ('pg_catalog', 'information_schema') order by 1, 2`,
  );
  const parts: string[] = [];
  for (const { schemaname, tablename } of tables) {
    const name = `"${schemaname.replaceAll('"', '""')}"."${tablename.replaceAll('"', '""')}"`;
    const rows = await selectRows<{ row: string }>(
      database.db,
      sql.raw(`select row_to_json(t)::text as row from ${name} t`),
    );
    parts.push(`-- ${name}`, ...rows.map(({ row }) => row));
  }
  return { text: parts.join('\n'), tables: tables.map(({ schemaname, tablename }) => `${schemaname}.${tablename}`) };
};

/** How often `needle` occurs in the dump, as text and as the hex of its UTF-8 bytes (inside a bytea). */
export const occurrences = (dump: string, needle: string): number => {
  const count = (haystack: string, what: string) => haystack.split(what).length - 1;
  return count(dump, needle) + count(dump.toLowerCase(), Buffer.from(needle, 'utf8').toString('hex'));
};

const pngChunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/**
 * A real PNG of `size`×`size` noise (incompressible, so larger than one 64 KiB attachment chunk),
 * so the browser must decrypt several chunks to show it.
 */
export const noisePng = (size: number): Buffer => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.concat([Buffer.from([0]), randomBytes(size * 3)]));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
};

/** A one-page PDF saying `text`, padded past several attachment chunks with a comment. */
export const padPdf = (text: string, padding: number): Buffer => {
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = `%PDF-1.4\n%${'x'.repeat(padding)}\n`;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
};

/** Opens a case page from the case list, by reference, through in-app navigation (keys stay in memory). */
export const openCaseByReference = async (person: BrowserPerson, reference: string): Promise<void> => {
  const { page } = person;
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByTestId('case-row').filter({ hasText: reference }).getByTestId('case-reference').click();
  await page.getByTestId('case-page-reference').filter({ hasText: reference }).waitFor();
  await page.getByTestId('timeline').waitFor();
  await readFromTheLog(page);
};

/** Waits until every card of the timeline shows its signature, chain, inclusion and readers valid; answers how many cards. */
export const expectTimelineValid = async (page: Page, timeline = 'timeline'): Promise<number> => {
  await readFromTheLog(page);
  const count = await page.getByTestId(timeline).getByTestId('timeline-entry').count();
  for (const check of ['check-signature', 'check-chain', 'check-inclusion', 'check-readers']) {
    await expect
      .poll(() => page.getByTestId(timeline).locator(`[data-testid="${check}"][data-state="valid"]`).count())
      .toBe(count);
  }
  return count;
};

/**
 * Waits until the page shows what it read from the log, not the local store's provisional copy
 * (drawn first on reopening a case or a thread, and possibly older than what was just written).
 */
export const readFromTheLog = (page: Page): Promise<void> =>
  expect.poll(() => page.getByTestId('stream-provisional').count(), { timeout: 60_000 }).toBe(0);

/** Decrypts an attachment (a `data-testid="attachment"` item) in the page and returns the bytes it saves. */
export const saveDecrypted = async (page: Page, attachment: Locator): Promise<{ name: string; bytes: Buffer }> => {
  await attachment.getByTestId('attachment-decrypt').click();
  const save = attachment.getByTestId('attachment-save');
  await save.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
};
