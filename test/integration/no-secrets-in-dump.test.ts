import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import type { ContentOf } from '../../shared/content/entry-content';
import { parseRecoveryKey } from '../../shared/crypto/recovery-key';
import { VAULT_PRF_SALT } from '../../shared/crypto/vault';
import { wrappingKeyFromPrf, wrappingKeyFromRecoveryKey } from '../../shared/crypto/vault-keys';
import { fromBase64url } from '../../shared/encoding/bytes';
import { driversUnderTest } from '../helpers/databases';
import { dumpDatabase } from '../helpers/e2e-entries';
import { LogCapture } from '../helpers/log-capture';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, enrolInvitee, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

// Argon2id at libsodium's minimum: fine for a test, never for a real passphrase copy.
const TEST_KDF = { opsLimit: 1, memLimit: 8192 };
const PASSPHRASE = 'velvet harbour seven lanterns';

/** A secret of one person, by name, as bytes or as the text the person typed. */
type Secret = { readonly name: string; readonly value: Uint8Array | string };

/**
 * Every way a secret could sit in a dump or a log: hex (a bytea column is `\x…` hex), base64,
 * base64 without padding, base64url; a text secret also as itself. The dump is also searched
 * for each form's UTF-8 bytes in hex, for text stored inside a bytea.
 */
const encodings = (value: Uint8Array | string): string[] => {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  const base64 = bytes.toString('base64');
  return [
    ...(typeof value === 'string' ? [value] : []),
    bytes.toString('hex'),
    bytes.toString('hex').toUpperCase(),
    base64,
    base64.replace(/=+$/, ''),
    bytes.toString('base64url'),
  ];
};

const utf8Hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');

/** Where any form of the secret occurs in `haystack`, as itself or as its UTF-8 in hex: the forms found. */
const foundIn = (haystack: string, value: Uint8Array | string): string[] => {
  const lower = haystack.toLowerCase();
  return encodings(value).filter((form) => haystack.includes(form) || lower.includes(utf8Hex(form)));
};

/** The PRF output a person's passkey gives for the vault salt: what unlocks their PRF copy. */
const prfOutputOf = (person: ParleyPerson, rpId: string): Uint8Array | undefined => {
  const credentialId = person.currentSession?.credentialId ?? '';
  const { prf } = person.authenticator.getAssertion(
    {
      challenge: randomBytes(32).toString('base64url'),
      allowCredentials: [{ id: credentialId, type: 'public-key' }],
      rpId,
    },
    { prf: { first: VAULT_PRF_SALT }, credentialId },
  );
  return prf?.first;
};

/** Everything secret a person holds: every key pair's secret halves and seeds, and the vault's keys. */
const secretsOf = (label: string, person: ParleyPerson, rpId: string, passphrase?: string): Secret[] => {
  const keyring = unlockedKeyringOf(person);
  if (!keyring) {
    throw new Error(`${label} is locked`);
  }
  const secrets: Secret[] = keyring.keyring.flatMap((key) => [
    { name: `${label} signing secret key ${key.keyId}`, value: key.signSecretKey },
    { name: `${label} signing seed ${key.keyId}`, value: key.signSecretKey.slice(0, 32) },
    { name: `${label} box secret key ${key.keyId}`, value: key.boxSecretKey },
  ]);
  const prf = prfOutputOf(person, rpId);
  if (prf) {
    secrets.push(
      { name: `${label} PRF output`, value: prf },
      { name: `${label} prf wrapping key`, value: wrappingKeyFromPrf(prf, person.personId) },
    );
  }
  const recoveryKey = person.recoveryKey ?? '';
  const passphraseCopy = keyring.secretFor({ kind: 'passphrase' });
  if (passphraseCopy) {
    secrets.push({ name: `${label} passphrase wrapping key`, value: passphraseCopy.key });
  }
  secrets.push(
    {
      name: `${label} recovery wrapping key`,
      value: wrappingKeyFromRecoveryKey(parseRecoveryKey(recoveryKey), person.personId),
    },
    { name: `${label} recovery key as printed`, value: recoveryKey },
    { name: `${label} recovery key without dashes`, value: recoveryKey.replaceAll('-', '') },
    { name: `${label} recovery key`, value: parseRecoveryKey(recoveryKey) },
  );
  if (passphrase !== undefined) {
    secrets.push({ name: `${label} passphrase`, value: passphrase });
  }
  return secrets;
};

for (const driver of driversUnderTest()) {
  describe(`no secret in the database or the logs, on ${driver.name}`, () => {
    const logs = new LogCapture();
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let secrets: Secret[];
    let publicKeys: Secret[];
    let dump: { text: string; tables: string[] };

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({ ...created.options, logs });
      const rpId = new URL(server.origin).hostname;
      const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin');
      const b = await startParty(server, 'Delegation B');
      const other = { id: b.partyId };
      const staff = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
      const envoy = await enrolMember(server, admin, { partyId, role: 'envoy', name: 'Eve Envoy' });
      const envoyB = await enrolMember(server, b.admin, { partyId: other.id, role: 'envoy', name: 'Bo Envoy' });
      const clerk = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Cy Clerk' });
      // A passphrase vault: enrolled without PRF, signed in again and unlocked by the passphrase.
      const noPrf = await enrolInvitee(
        server,
        admin,
        { partyId, role: 'reviewer', name: 'Pia Passphrase' },
        { hasPrf: false, passphrase: PASSPHRASE, kdfCosts: TEST_KDF },
      );
      await admin.endorse(noPrf.personId);
      await noPrf.signOut();
      await noPrf.signIn();
      await noPrf.unlockWithPassphrase(PASSPHRASE);

      const { streamId: caseId } = await staff.openCase({
        parties: [partyId],
        record: childRecord('Mariia'),
      });
      await staff.append(caseId, { type: 'minutes', content: meetingMinutes('Call with the registry') });
      const { streamId: threadId } = await envoy.openThread({ parties: [partyId, other.id], subject: 'Channel' });
      const letter: ContentOf<'letter'> = { type: 'letter', subject: 'List', body: 'The list.', attachments: [] };
      await envoy.append(threadId, { type: 'letter', content: letter });
      await envoyB.append(threadId, { type: 'letter', content: { ...letter, subject: 'Reply' } });
      await envoy.rotateKeys();
      await envoy.append(threadId, { type: 'letter', content: { ...letter, subject: 'After rotation' } });
      // Signed out, then unlocked again through the passkey's PRF and through the recovery key.
      await clerk.signOut();
      await clerk.signIn();
      await clerk.unlock();
      await clerk.signOut();
      await clerk.signIn();
      await clerk.unlockWithRecoveryKey(clerk.recoveryKey ?? '');

      const people: [string, ParleyPerson, string?][] = [
        ['admin', admin],
        ['staff', staff],
        ['envoy', envoy],
        ['envoy B', envoyB],
        ['clerk', clerk],
        ['passphrase reviewer', noPrf, PASSPHRASE],
      ];
      secrets = people.flatMap(([label, person, passphrase]) => secretsOf(label, person, rpId, passphrase));
      const directory = await admin.directory();
      publicKeys = people.flatMap(([label, person]) => {
        const key = directory.currentKey(person.personId);
        return key
          ? [
              { name: `${label} public signing key`, value: fromBase64url(key.signKey) },
              { name: `${label} public box key`, value: fromBase64url(key.boxKey) },
            ]
          : [];
      });
      dump = await dumpDatabase(server.database);
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    it('collected the secrets of every kind, for six people, one of them with two key pairs', () => {
      const kinds = (pattern: RegExp) => secrets.filter((secret) => pattern.test(secret.name)).length;
      expect(kinds(/signing secret key/)).toBe(7);
      expect(kinds(/PRF output/)).toBe(5);
      expect(kinds(/prf wrapping key/)).toBe(5);
      expect(kinds(/passphrase wrapping key/)).toBe(1);
      expect(kinds(/recovery wrapping key/)).toBe(6);
      expect(kinds(/recovery key$/)).toBe(6);
      expect(kinds(/passphrase$/)).toBe(1);
    });

    it('dumped every table, with rows from the whole story', () => {
      for (const table of ['people', 'credentials', 'key_vaults', 'key_statements', 'entries', 'sessions']) {
        expect(dump.tables).toContain(`public.${table}`);
      }
      expect(dump.text.length).toBeGreaterThan(10_000);
    });

    it('finds the public keys in the dump, and a secret planted in any form: the search sees (positive control)', () => {
      for (const key of publicKeys) {
        expect(foundIn(dump.text, key.value), key.name).not.toEqual([]);
      }
      const [secret] = secrets as [Secret];
      for (const form of encodings(secret.value)) {
        expect(foundIn(`${dump.text}\n${form}`, secret.value), form).toContain(form);
        expect(foundIn(`${dump.text}\n"\\\\x${utf8Hex(form)}"`, secret.value), form).toContain(form);
      }
    });

    it('finds no secret in any encoding in the database dump', () => {
      const hits = secrets.flatMap((secret) =>
        foundIn(dump.text, secret.value).map((form) => `${secret.name}: ${form}`),
      );
      expect(hits).toEqual([]);
    });

    it('finds no secret in any encoding in the server log, which did record the story', () => {
      expect(logs.text).toContain('"event":"person.enrolled"');
      expect(logs.text).toContain('"method":"POST","path":"/api/entries"');
      const hits = secrets.flatMap((secret) =>
        foundIn(logs.text, secret.value).map((form) => `${secret.name}: ${form}`),
      );
      expect(hits).toEqual([]);
    });
  });
}
