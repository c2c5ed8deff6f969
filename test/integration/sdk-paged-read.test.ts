import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntryVerificationError } from '../../client/sdk/entry-errors';
import { streamEntryPages } from '../../client/sdk/fetch-stream-entries';
import { ParleyPerson } from '../../client/sdk/parley-person';
import { childRecord, enrolMember, meetingMinutes } from '../helpers/sdk-entries';
import { enrolBootstrapAdmin } from '../helpers/sdk-people';
import { startTestServer, type TestServer } from '../helpers/test-server';

type Reply = Record<string, unknown>;
/** What the reader's fetch does with a request: pass it on, maybe after `before`, maybe rewriting the reply. */
type Interception = {
  before?: (path: string) => Promise<void>;
  rewrite?: (path: string, reply: Reply) => Reply;
};

/**
 * A stream read page by page while each page is checked (client/sdk/fetch-stream-entries), with
 * the checkpoint, directory and proofs fetched meanwhile (client/sdk/stream-reading): the read
 * still proves every entry in a tree the reader's log monitor accepted.
 */
describe('the Node SDK reading a stream in pages, proven while they arrive', () => {
  let server: TestServer;
  let writer: ParleyPerson;
  let reader: ParleyPerson;
  let caseId: string;
  /** Each request the reader sent (path and query), and each page handed out, in order. */
  let events: string[] = [];
  let intercept: Interception = {};

  const readerFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const path = `${url.pathname}${url.search}`;
    events.push(`ask ${path}`);
    await intercept.before?.(path);
    const response = await fetch(input, init);
    const { rewrite } = intercept;
    return rewrite && response.ok ? Response.json(rewrite(path, (await response.json()) as Reply)) : response;
  };

  beforeAll(async () => {
    server = await startTestServer();
    const { admin, partyId } = await enrolBootstrapAdmin(server, 'Republic of Avalon', 'Ada Admin');
    writer = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Sam Staff' });
    const enrolled = await enrolMember(server, admin, { partyId, role: 'staff', name: 'Rita Reader' });
    reader = await ParleyPerson.fromState(enrolled.exportState(), { fetch: readerFetch });
    await reader.signIn();
    await reader.unlock();
    ({ streamId: caseId } = await writer.openCase({ parties: [partyId], record: childRecord('Olena') }));
    for (let minute = 1; minute <= 6; minute += 1) {
      await writer.append(caseId, { type: 'minutes', content: meetingMinutes(`Meeting ${minute}`) });
    }
  });
  afterAll(async () => {
    await server?.shutdown();
  });

  const entriesAsked = () =>
    events.filter((event) => event.startsWith(`ask /api/streams/${caseId}/entries`)).map((event) => event.slice(4));

  it('asks for the next page as soon as one arrives, before it is checked, and stops at the head', async () => {
    events = [];
    intercept = {};
    const seqs: number[][] = [];
    for await (const page of streamEntryPages(reader.http, caseId, 0, 2)) {
      const got = page.entries.map((entry) => entry.header.seq);
      seqs.push(got);
      events.push(`got ${got.join(',')}`);
    }
    expect(seqs).toEqual([[1, 2], [3, 4], [5, 6], [7]]);
    const entries = `/api/streams/${caseId}/entries`;
    expect(events).toEqual([
      `ask ${entries}?after=0&limit=2`,
      `ask ${entries}?after=2&limit=2`,
      'got 1,2',
      `ask ${entries}?after=4&limit=2`,
      'got 3,4',
      `ask ${entries}?after=6&limit=2`,
      'got 5,6',
      'got 7',
    ]);
  });

  it('asks for no page beyond the head it is told of, and none ahead of a stream that fits one page', async () => {
    events = [];
    const seqs: number[] = [];
    for await (const page of streamEntryPages(reader.http, caseId, 1, 3)) {
      seqs.push(...page.entries.map((entry) => entry.header.seq));
    }
    // Pages 2–4 and 5–7: the second is full, but the head (7) says it is the last.
    expect(seqs).toEqual([2, 3, 4, 5, 6, 7]);
    expect(entriesAsked()).toHaveLength(2);
    events = [];
    const read = await reader.readStream(caseId);
    expect(read.map((entry) => entry.header.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(entriesAsked()).toEqual([`/api/streams/${caseId}/entries?after=0&limit=250`]);
  });

  it('goes back to the log for a newer tree when an entry was appended after the checkpoint it fetched', async () => {
    events = [];
    let checkpointServed!: () => void;
    const served = new Promise<void>((resolve) => {
      checkpointServed = resolve;
    });
    let appended = false;
    intercept = {
      before: async (path) => {
        if (path.startsWith(`/api/streams/${caseId}/entries`) && !appended) {
          appended = true;
          // The reader's checkpoint is fetched first; then the log grows; then the entries are read.
          await served;
          await writer.append(caseId, { type: 'minutes', content: meetingMinutes('Meeting 7') });
        }
      },
      rewrite: (path, reply) => {
        if (path === '/api/log/checkpoint') {
          checkpointServed();
        }
        return reply;
      },
    };
    const read = await reader.readStream(caseId);
    expect(read.map((entry) => entry.header.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(read.at(-1)?.content).toMatchObject({ type: 'minutes', subject: 'Meeting 7' });
    expect(events.filter((event) => event === 'ask /api/log/checkpoint')).toHaveLength(2);
  });

  it('refuses an entry the server places beyond any tree, after asking the log once more, not forever', async () => {
    events = [];
    intercept = {
      rewrite: (path, reply) => {
        if (!path.startsWith(`/api/streams/${caseId}/entries`)) {
          return reply;
        }
        const entries = reply['entries'] as Reply[];
        const last = entries.at(-1) as Reply;
        return { ...reply, entries: [...entries.slice(0, -1), { ...last, leafIndex: 1_000_000 }] };
      },
    };
    const refusal = await reader.readStream(caseId).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(EntryVerificationError);
    expect(refusal).toMatchObject({ check: 'inclusion', entry: { seq: 8 } });
    expect(String((refusal as Error).message)).toContain('leaf 1000000 is beyond the trusted tree');
    expect(events.filter((event) => event === 'ask /api/log/checkpoint')).toHaveLength(2);
  });
});
