import { randomUUID } from 'node:crypto';
import type { ParleyPerson } from '../client/sdk/parley-person';
import { streamingHeaders } from '../client/sdk/raw-http';
import { entryRoutes } from '../shared/api/entries';
import { type AppendClient, appendSpread, type Heads } from './support/append-clients';
import type { DriverRun } from './support/driver-run';
import { openEventListeners } from './support/event-listeners';
import { say } from './support/progress';
import { atLeast, count, percent, rate, type Section } from './support/report';
import { headAfter, sealCaseOpen, signerOf } from './support/sealing';
import { latencyRun, median, medianRun } from './support/stats';

/** Open event streams while the second rate is measured; the figure. */
export const LIVE_STREAMS = 200;
const CLIENTS = 8;
const CASES = 100;

/**
 * Append rate with 0 and with 200 open event streams (`GET /api/events`), 8 clients over 100 cases
 * as in the append benchmark; every stream is a member of every case, so each append's notice goes
 * to all 200. The streams belong to the writers' sessions (the server allows them that many per
 * session for this run).
 */
export const benchLiveStreams = async (run: DriverRun): Promise<Section> => {
  const { settings, team, pin, label } = run;
  const signers = await Promise.all(team.writers.map((writer) => signerOf(writer, team.partyId)));
  const clients = Array.from({ length: CLIENTS }, (_, k) => ({
    person: team.writers[k % team.writers.length],
    signer: signers[k % signers.length],
  })) as AppendClient[];
  // The append benchmark's cases when it ran on this server before (opening 100 more costs seconds).
  const opened = run.spread?.caseIds.length === CASES ? run.spread : undefined;
  const heads: Heads = opened?.heads ?? new Map();
  const caseIds: string[] = [...(opened?.caseIds ?? [])];
  for (let index = caseIds.length; index < CASES; index += 1) {
    const client = clients[index % clients.length] as AppendClient;
    const sealed = sealCaseOpen(client.signer, randomUUID());
    await client.person.api(entryRoutes.appendEntry, { body: sealed.entry });
    heads.set(sealed.entry.header.stream, headAfter(sealed));
    caseIds.push(sealed.entry.header.stream);
  }
  const measure = async () => {
    const outcome = await appendSpread(clients, caseIds, heads, settings.append.perRun, pin);
    return latencyRun(outcome.latenciesMs, outcome.seconds);
  };
  if (!settings.only.has('append')) {
    await measure(); // warm-up; the append benchmark, run before on this server, warmed it otherwise
  }
  const without: ReturnType<typeof latencyRun>[] = [];
  const withStreams: ReturnType<typeof latencyRun>[] = [];
  const ratios: number[] = [];
  let heard = 0;
  for (let round = 1; round <= settings.runs; round += 1) {
    say(`${label}: live streams run ${round}/${settings.runs}: appends with 0 open event streams`);
    const alone = await measure();
    say(`${label}: live streams run ${round}/${settings.runs}: opening ${LIVE_STREAMS} event streams`);
    const listeners = await openEventListeners(
      new URL(entryRoutes.events.path, run.server.address.baseUrl).toString(),
      Array.from({ length: LIVE_STREAMS }, (_, index) => {
        const person = team.writers[index % team.writers.length] as ParleyPerson;
        return streamingHeaders(person.http, person.currentSession, false, { accept: 'text/event-stream' });
      }),
    );
    const crowded = await measure();
    heard += await listeners.close();
    without.push(alone);
    withStreams.push(crowded);
    ratios.push(crowded.throughput / alone.throughput);
  }
  const ratio = median(ratios);
  return {
    id: 'live',
    title: 'Live event streams',
    method: [
      `${CLIENTS} clients append signed \`minutes\` over ${CASES} cases (${settings.append.perRun} appends per run, receipts verified), first with no event stream open, then with ${LIVE_STREAMS} open \`/api/events\` streams that are members of every case, so every append's notice is delivered ${LIVE_STREAMS} times. The streams are held and read by a separate process (as clients on other machines would), counting the notices they hear.`,
      `Each notice's audience is computed once (one membership query), not once per open stream. Medians of ${settings.runs} interleaved runs; the ratio is the median of per-run ratios.`,
    ],
    tables: [
      {
        title: `Append rate with 0 and ${LIVE_STREAMS} open event streams`,
        columns: [
          'Database',
          'Appends/s, 0 streams',
          `Appends/s, ${LIVE_STREAMS} streams`,
          'Ratio',
          'Notices delivered',
        ],
        rows: [
          [
            label,
            rate(medianRun(without).throughput),
            rate(medianRun(withStreams).throughput),
            percent(ratio),
            count(heard),
          ],
        ],
      },
    ],
    targets: [
      atLeast(
        `live-streams-${label.toLowerCase()}`,
        `Append rate with ${LIVE_STREAMS} open event streams ≥ 90% of the rate with none (${label})`,
        ratio,
        0.9,
        percent,
      ),
    ],
    profiles: [],
    notes: [],
  };
};
