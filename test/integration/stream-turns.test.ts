import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Head, headAfter, type Signer, sealCaseOpen, sealMinutes, signerOf } from '../../bench/support/sealing';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { ApiProblem } from '../../shared/api/client';
import { entryRoutes } from '../../shared/api/entries';
import { driversUnderTest } from '../helpers/databases';
import { enrolMember } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin, startParty } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

const WRITERS = 4;

/** Turns are kept in the server process, whatever the database: one driver is enough. */
const driver = driversUnderTest()[0];

describe.skipIf(driver === undefined)('writers racing on one case take turns (POST /api/entries)', () => {
  let server: TestServer;
  let cleanup: (() => Promise<void>) | undefined;
  let writers: { person: ParleyPerson; signer: Signer }[];
  let outsider: { person: ParleyPerson; signer: Signer };
  let caseId: string;
  let head: Head;

  beforeAll(async () => {
    const created = await (driver as NonNullable<typeof driver>).create();
    cleanup = created.cleanup;
    // A turn kept long enough that a loaded machine re-seals within it.
    server = await startTestServer({ ...created.options, env: { STREAM_TURN_KEEP_MS: '10000' } });
    const { admin, partyId } = await enrolBootstrapAdmin(server, 'Office of the Commissioner', 'Ada Admin');
    const people: ParleyPerson[] = [];
    for (let index = 0; index < WRITERS; index += 1) {
      people.push(await enrolMember(server, admin, { partyId, role: 'staff', name: `Writer ${index}` }));
    }
    writers = await Promise.all(people.map(async (person) => ({ person, signer: await signerOf(person, partyId) })));
    const other = await startParty(server, 'Another delegation');
    const stranger = await enrolMember(server, other.admin, {
      partyId: other.partyId,
      role: 'staff',
      name: 'Stranger',
    });
    outsider = { person: stranger, signer: await signerOf(stranger, other.partyId) };
    const opened = sealCaseOpen((writers[0] as { signer: Signer }).signer, randomUUID());
    await people[0]?.api(entryRoutes.appendEntry, { body: opened.entry });
    caseId = opened.entry.header.stream;
    head = headAfter(opened);
  }, 240_000);
  afterAll(async () => {
    await server?.shutdown();
    await cleanup?.();
  });

  it('each writer that loses the head once is let in next: no writer sends more than twice', async () => {
    let firstPlaced: () => void = () => undefined;
    const placedOnce = new Promise<void>((resolve) => {
      firstPlaced = resolve;
    });
    // Someone of another party, waiting in line once an entry is placed: its turn must not tell it the head.
    const intruding = placedOnce.then(() =>
      outsider.person
        .api(entryRoutes.appendEntry, { body: sealMinutes(outsider.signer, caseId, head, 'not a member').entry })
        .then(
          () => undefined,
          (error: unknown) => error,
        ),
    );
    const sendsOf = await Promise.all(
      writers.map(async ({ person, signer }, index) => {
        let sealed = sealMinutes(signer, caseId, head, `writer ${index}`);
        for (let sends = 1; ; sends += 1) {
          try {
            await person.api(entryRoutes.appendEntry, { body: sealed.entry });
            firstPlaced();
            return { sends, seq: sealed.entry.header.seq };
          } catch (error) {
            if (!(error instanceof ApiProblem && error.is('entryChainConflict')) || sends >= 20) {
              throw error;
            }
            // Re-sealed at once at the head the 409 names, as the SDK does.
            sealed = sealMinutes(signer, caseId, error.problem['head'] as Head, `writer ${index}`);
          }
        }
      }),
    );
    // Every entry landed, each at its own place in the chain.
    expect(sendsOf.map(({ seq }) => seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: WRITERS }, (_, index) => head.seq + 1 + index),
    );
    // Racing without turns, the last of four writers sealed at one head loses three rounds.
    expect(Math.max(...sendsOf.map(({ sends }) => sends))).toBeLessThanOrEqual(2);
    expect(sendsOf.filter(({ sends }) => sends === 1)).toHaveLength(1);
    const refusal = await intruding;
    expect(refusal).toBeInstanceOf(ApiProblem);
    expect((refusal as ApiProblem).problem.status).toBe(403);
    expect((refusal as ApiProblem).problem['head']).toBeUndefined();
  });
});
