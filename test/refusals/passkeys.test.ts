import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GetAssertionOptions } from '../../client/sdk/ceremony-options';
import { enrolPerson } from '../../client/sdk/enrol-person';
import { ParleyHttp } from '../../client/sdk/parley-http';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { streamingHeaders } from '../../client/sdk/raw-http';
import { SoftwareAuthenticator } from '../../client/sdk/software-authenticator';
import { withoutPrfResults } from '../../client/sdk/webauthn-json';
import { challenges, credentials } from '../../db/schema/index';
import { issueChallenge } from '../../server/auth/passkeys';
import { enrolmentRoutes, passkeyRoutes, sessionRoutes } from '../../shared/api/identity';
import {
  answeredChallenge,
  type CeremonySnapshot,
  ceremonySnapshot,
  clearUserVerified,
  expectCeremonyRefused,
  type RawReply,
  rawPost,
  rpIdHashOf,
  withAuthenticatorData,
  withClientData,
} from '../helpers/ceremony-attacks';
import { driversUnderTest } from '../helpers/databases';
import { generousCeremonyLimits, LogCapture } from '../helpers/log-capture';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const FOREIGN_ORIGIN = 'https://parley.example.net';
const FOREIGN_RP_ID = 'parley.example.net';
const FIVE_MINUTES_AND_A_BIT = 5 * 60 * 1000 + 5_000;

type Attempt = { before: CeremonySnapshot; mark: number; reply: RawReply; response: unknown };

for (const driver of driversUnderTest()) {
  describe(`refused passkey ceremonies on ${driver.name}: 400 problem+json, nothing stored, the attempt logged`, () => {
    const logs = new LogCapture();
    let server: TestServer;
    let cleanup: (() => Promise<void>) | undefined;
    let admin: ParleyPerson;
    let partyId: string;
    let envoy: ParleyPerson;

    /** A browser with no session: whoever holds the passkey (or its stolen output). */
    const freshBrowser = () => new ParleyHttp({ baseUrl: server.url, origin: server.origin });

    const signInOptions = async () =>
      (await freshBrowser().api(sessionRoutes.signInOptions))
        .options as unknown as PublicKeyCredentialRequestOptionsJSON;

    /** Posts a response to a ceremony's verify route, snapshotting the database and the log just before. */
    const attempt = async (path: string, body: { response: unknown }, headers?: Record<string, string>) => {
      const before = await ceremonySnapshot(server);
      const mark = logs.mark;
      const reply = await rawPost(server, path, body, headers);
      return { before, mark, reply, response: body.response } satisfies Attempt;
    };

    /** An assertion by the envoy's passkey over a fresh challenge, with the faults given. */
    const envoyAssertion = async (faults: GetAssertionOptions = {}) => {
      const options = await signInOptions();
      const { response } = envoy.authenticator.getAssertion(options, faults);
      return { challenge: options.challenge, body: { response: withoutPrfResults(response) } };
    };

    const storedCredential = async () => {
      const credentialId = envoy.currentSession?.credentialId ?? '';
      const [row] = await server.database.db.select().from(credentials).where(eq(credentials.id, credentialId));
      if (!row) {
        throw new Error('the envoy has no stored passkey');
      }
      return row;
    };

    beforeAll(async () => {
      const created = await driver.create();
      cleanup = created.cleanup;
      server = await startTestServer({ ...created.options, logs, limits: generousCeremonyLimits() });
      ({ admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner (A)', 'Ada Admin'));
      envoy = await enrolMember(server, admin, { partyId, role: 'envoy', name: 'Eve Envoy' });
    });
    afterAll(async () => {
      await server?.shutdown();
      await cleanup?.();
    });

    describe('sign-in', () => {
      it('accepts an honest assertion (the control each refusal departs from in one way)', async () => {
        const { body } = await envoyAssertion();
        const before = await ceremonySnapshot(server);
        const reply = await rawPost(server, sessionRoutes.signInVerify.path, body);
        expect(reply.status).toBe(200);
        expect(reply.setCookie).toHaveLength(1);
        // The snapshot sees what a success writes: a session, the passkey's counter.
        expect((await ceremonySnapshot(server)).digest).not.toEqual(before.digest);
      });

      it('refuses a replayed response: its challenge is spent, and nothing changes', async () => {
        const { body } = await envoyAssertion();
        expect((await rawPost(server, sessionRoutes.signInVerify.path, body)).status).toBe(200);
        const replay = await attempt(sessionRoutes.signInVerify.path, body);
        await expectCeremonyRefused(server, logs, replay, { purpose: 'authentication', reason: /challenge/ });
      });

      it('refuses an assertion over a challenge issued more than five minutes ago', async () => {
        const issuedEarlier = new Date(Date.now() - FIVE_MINUTES_AND_A_BIT);
        const context = { ...server, logger: pino({ level: 'silent' }), now: () => issuedEarlier };
        const challenge = await issueChallenge(context, 'sign-in');
        const options = { ...(await signInOptions()), challenge };
        const { response } = envoy.authenticator.getAssertion(options);
        const stale = await attempt(sessionRoutes.signInVerify.path, { response: withoutPrfResults(response) });
        await expectCeremonyRefused(server, logs, stale, { purpose: 'authentication', reason: /challenge/ });
      });

      const faults: { name: string; faults: GetAssertionOptions; reason: RegExp }[] = [
        { name: 'another origin in clientDataJSON', faults: { originOverride: FOREIGN_ORIGIN }, reason: /origin/i },
        {
          name: "another RP ID's hash in authenticatorData",
          faults: { rpIdOverride: FOREIGN_RP_ID },
          reason: /RP ID/i,
        },
        { name: 'the user-verified (UV) flag cleared', faults: { userVerified: false }, reason: /user verification/i },
        { name: 'a signature that does not verify', faults: { bogusSignature: true }, reason: /signature/i },
        { name: 'a registration type in clientDataJSON', faults: { typeOverride: 'webauthn.create' }, reason: /type/i },
      ];
      for (const fault of faults) {
        it(`refuses ${fault.name}, spending only its challenge`, async () => {
          const stored = await storedCredential();
          const { challenge, body } = await envoyAssertion(fault.faults);
          const refused = await attempt(sessionRoutes.signInVerify.path, body);
          await expectCeremonyRefused(server, logs, refused, {
            purpose: 'authentication',
            reason: fault.reason,
            spends: challenge,
          });
          expect(await storedCredential()).toEqual(stored);
        });
      }

      it('refuses a sign count that did not increase (a cloned passkey): equal, then lower', async () => {
        const stored = await storedCredential();
        expect(stored.counter).toBeGreaterThan(1);
        for (const counterOverride of [stored.counter, stored.counter - 1]) {
          const { challenge, body } = await envoyAssertion({ counterOverride });
          const refused = await attempt(sessionRoutes.signInVerify.path, body);
          await expectCeremonyRefused(server, logs, refused, {
            purpose: 'authentication',
            reason: /counter/i,
            spends: challenge,
          });
        }
        expect(await storedCredential()).toEqual(stored);
      });

      it('refuses a passkey the server never registered', async () => {
        const stranger = new SoftwareAuthenticator({ origin: server.origin });
        stranger.createCredential(strangerCreationOptions(new URL(server.origin).hostname));
        const options = await signInOptions();
        const { response } = stranger.getAssertion(options);
        const refused = await attempt(sessionRoutes.signInVerify.path, { response: withoutPrfResults(response) });
        await expectCeremonyRefused(server, logs, refused, {
          purpose: 'authentication',
          reason: /unknown passkey/,
          spends: options.challenge,
        });
      });
    });

    describe('enrolment', () => {
      let link: string;
      /** The verify body of the last enrolment through `enrolWith`, as the SDK sent it. */
      let lastBody: { response: unknown } | undefined;
      let lastAttempt: Attempt | undefined;

      /**
       * Enrols through the SDK with the verify body changed by `tamper` on its way out (and the
       * challenge aged first when `expire`), snapshotting just before the verify request.
       */
      const enrolWith = async (tamper: (body: { response: never }) => unknown, expire = false) => {
        lastAttempt = undefined;
        const tampering: typeof fetch = async (input, init) => {
          const url = new URL(input instanceof Request ? input.url : String(input));
          if (url.pathname !== enrolmentRoutes.enrolmentVerify.path) {
            return fetch(input, init);
          }
          if (expire) {
            await server.database.db
              .update(challenges)
              .set({ expiresAt: new Date(Date.now() - 1000) })
              .where(eq(challenges.purpose, 'enrol'));
          }
          const body = tamper(JSON.parse(String(init?.body)) as { response: never }) as { response: unknown };
          lastBody = body;
          const before = await ceremonySnapshot(server);
          const mark = logs.mark;
          const response = await fetch(input, { ...init, body: JSON.stringify(body) });
          const copy = response.clone();
          lastAttempt = {
            before,
            mark,
            response: body.response,
            reply: {
              status: copy.status,
              contentType: copy.headers.get('content-type'),
              setCookie: copy.headers.getSetCookie(),
              body: (await copy.json()) as Record<string, unknown>,
            },
          };
          return response;
        };
        return enrolPerson(server.url, link, { origin: server.origin, fetch: tampering });
      };

      const refusedEnrolment = async (
        tamper: (body: { response: never }) => unknown,
        reason: RegExp,
        options: { expire?: boolean; spends?: boolean } = {},
      ) => {
        await expect(enrolWith(tamper, options.expire)).rejects.toThrow();
        if (!lastAttempt) {
          throw new Error('the enrolment never reached its verify request');
        }
        const clientData = (lastAttempt.response as { response: { clientDataJSON: string } }).response.clientDataJSON;
        await expectCeremonyRefused(server, logs, lastAttempt, {
          purpose: 'registration',
          reason,
          ...(options.spends === false ? {} : { spends: answeredChallenge(clientData) }),
        });
      };

      beforeAll(async () => {
        link = await admin.invite({ partyId, role: 'staff', name: 'Sam Staff' });
      });

      it('refuses another origin in clientDataJSON', async () => {
        await refusedEnrolment(
          (body) => ({ ...body, response: withClientData(body.response, { origin: FOREIGN_ORIGIN }) }),
          /origin/i,
        );
      });

      it("refuses another RP ID's hash in the authenticator data", async () => {
        await refusedEnrolment(
          (body) => ({ ...body, response: withAuthenticatorData(body.response, rpIdHashOf(FOREIGN_RP_ID)) }),
          /RP ID/i,
        );
      });

      it('refuses the user-verified (UV) flag cleared', async () => {
        await refusedEnrolment(
          (body) => ({ ...body, response: withAuthenticatorData(body.response, clearUserVerified) }),
          /user verification/i,
        );
      });

      it('refuses a challenge issued more than five minutes ago', async () => {
        await refusedEnrolment((body) => body, /challenge/, { expire: true, spends: false });
      });

      it('then enrols with the same invitation, which no refusal spent; a replay of that enrolment is refused', async () => {
        const staff = await enrolWith((body) => body);
        expect(staff.session.person).toMatchObject({ name: 'Sam Staff', status: 'pending' });
        const replay = await attempt(enrolmentRoutes.enrolmentVerify.path, lastBody as { response: unknown });
        await expectCeremonyRefused(server, logs, replay, { purpose: 'registration', reason: /challenge/ });
      });
    });

    describe('adding a passkey', () => {
      const session = () => streamingHeaders(envoy.http, envoy.currentSession, true);

      /** A new authenticator's registration over the envoy's add-passkey options, with the faults given. */
      const newPasskey = async (faults: Parameters<SoftwareAuthenticator['createCredential']>[1] = {}) => {
        const { options } = await envoy.api(passkeyRoutes.passkeyOptions);
        const device = new SoftwareAuthenticator({ origin: server.origin, hasPrf: false });
        const created = device.createCredential(options as unknown as PublicKeyCredentialCreationOptionsJSON, faults);
        return { challenge: options.challenge, body: { response: withoutPrfResults(created.response) } };
      };

      beforeAll(async () => {
        await envoy.signIn();
      });

      const faults = [
        { name: 'another origin in clientDataJSON', faults: { originOverride: FOREIGN_ORIGIN }, reason: /origin/i },
        { name: "another RP ID's hash", faults: { rpIdOverride: FOREIGN_RP_ID }, reason: /RP ID/i },
        { name: 'the UV flag cleared', faults: { userVerified: false }, reason: /user verification/i },
      ];
      for (const fault of faults) {
        it(`refuses ${fault.name}, spending only its challenge`, async () => {
          const { challenge, body } = await newPasskey(fault.faults);
          const refused = await attempt(passkeyRoutes.passkeyVerify.path, body, session());
          await expectCeremonyRefused(server, logs, refused, {
            purpose: 'registration',
            reason: fault.reason,
            spends: challenge,
          });
        });
      }

      it('refuses a challenge issued more than five minutes ago', async () => {
        const { body } = await newPasskey();
        await server.database.db
          .update(challenges)
          .set({ expiresAt: new Date(Date.now() - 1000) })
          .where(eq(challenges.purpose, 'add-passkey'));
        const stale = await attempt(passkeyRoutes.passkeyVerify.path, body, session());
        await expectCeremonyRefused(server, logs, stale, { purpose: 'registration', reason: /challenge/ });
      });

      it('adds an honest passkey, and refuses the same response replayed', async () => {
        const { body } = await newPasskey();
        expect((await rawPost(server, passkeyRoutes.passkeyVerify.path, body, session())).status).toBe(201);
        const replay = await attempt(passkeyRoutes.passkeyVerify.path, body, session());
        await expectCeremonyRefused(server, logs, replay, { purpose: 'registration', reason: /challenge/ });
      });
    });
  });
}

/** Creation options from no server at all: a passkey of the right RP ID that Parley never saw. */
const strangerCreationOptions = (rpId: string): PublicKeyCredentialCreationOptionsJSON => ({
  rp: { id: rpId, name: 'Parley' },
  user: { id: Buffer.from('mallory').toString('base64url'), name: 'Mallory', displayName: 'Mallory' },
  challenge: Buffer.from('not from the server').toString('base64url'),
  pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
});
