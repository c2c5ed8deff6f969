import type { PinnedLog } from '../../client/sdk/log-checker';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { ApiProblem } from '../../shared/api/client';
import { entryRoutes } from '../../shared/api/entries';
import type { SealedEntry } from '../../shared/crypto/entry-seal';
import { verifyReceipt } from './receipts';
import { type Head, headAfter, type Signer, sealMinutes } from './sealing';

/** One benchmark client: a writer's HTTP session and signer (several clients may share a writer). */
export type AppendClient = { readonly person: ParleyPerson; readonly signer: Signer };

/** What one run of appends measured, and the exact bodies stored (the raw-INSERT baseline reuses them). */
export type AppendOutcome = {
  readonly latenciesMs: number[];
  readonly seconds: number;
  readonly conflicts: number;
  /** The most races one append lost before it was stored. */
  readonly mostConflicts: number;
  readonly bodies: Uint8Array[];
};

/** Stream heads as the benchmark knows them (it hears every acknowledgement, like a live-event listener). */
export type Heads = Map<string, Head>;

const headOf = (heads: Heads, streamId: string): Head => {
  const head = heads.get(streamId);
  if (!head) {
    throw new Error(`no known head for ${streamId}`);
  }
  return head;
};

/** Splits `total` appends over `clients`, as evenly as possible. */
const quotas = (total: number, clients: number) =>
  Array.from({ length: clients }, (_, client) => Math.floor(total / clients) + (client < total % clients ? 1 : 0));

const post = (client: AppendClient, sealed: SealedEntry) =>
  client.person.api(entryRoutes.appendEntry, { body: sealed.entry });

const bodyOf = (sealed: SealedEntry) => new TextEncoder().encode(JSON.stringify(sealed.entry));

/**
 * Appends `total` entries with every client writing to cases of its own (client k owns every
 * case whose position is k modulo the number of clients), so no append loses a race. Entries are
 * sealed and signed before the clock starts; each latency is one POST with its receipt.
 */
export const appendSpread = async (
  clients: readonly AppendClient[],
  caseIds: readonly string[],
  heads: Heads,
  total: number,
  pin: PinnedLog,
): Promise<AppendOutcome> => {
  const plans = quotas(total, clients.length).map((quota, k) => {
    const client = clients[k] as AppendClient;
    const owned = caseIds.filter((_, index) => index % clients.length === k);
    return Array.from({ length: quota }, (_, turn) => {
      const streamId = owned[turn % owned.length] as string;
      const sealed = sealMinutes(client.signer, streamId, headOf(heads, streamId), `spread ${k}.${turn}`);
      heads.set(streamId, headAfter(sealed));
      return sealed;
    });
  });
  const latenciesMs: number[] = [];
  const started = performance.now();
  await Promise.all(
    plans.map(async (plan, k) => {
      for (const sealed of plan) {
        const sent = performance.now();
        const receipt = await post(clients[k] as AppendClient, sealed);
        latenciesMs.push(performance.now() - sent);
        verifyReceipt(pin, receipt, sealed.entryHash);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { latenciesMs, seconds, conflicts: 0, mostConflicts: 0, bodies: plans.flat().map(bodyOf) };
};

/**
 * Appends `total` entries with every client writing to the same case: a lost race (409 with the
 * new head) is re-sealed at that head and retried at once, as the SDK does (no back-off). Each latency runs from
 * the first POST to the verified receipt, retries included.
 */
export const appendContended = async (
  clients: readonly AppendClient[],
  streamId: string,
  heads: Heads,
  total: number,
  pin: PinnedLog,
): Promise<AppendOutcome> => {
  const latenciesMs: number[] = [];
  const bodies: Uint8Array[] = [];
  let conflicts = 0;
  let mostConflicts = 0;
  const started = performance.now();
  await Promise.all(
    quotas(total, clients.length).map(async (quota, k) => {
      const client = clients[k] as AppendClient;
      for (let turn = 0; turn < quota; turn += 1) {
        let sealed = sealMinutes(client.signer, streamId, headOf(heads, streamId), `contended ${k}.${turn}`);
        const sent = performance.now();
        for (let attempt = 1; ; attempt += 1) {
          try {
            const receipt = await post(client, sealed);
            latenciesMs.push(performance.now() - sent);
            verifyReceipt(pin, receipt, sealed.entryHash);
            break;
          } catch (error) {
            // No fairness between racing writers: an unlucky one may lose many rounds in a row.
            if (!(error instanceof ApiProblem && error.is('entryChainConflict')) || attempt >= 10_000) {
              throw error;
            }
            conflicts += 1;
            mostConflicts = Math.max(mostConflicts, attempt);
            const head = error.problem['head'] as Head | null | undefined;
            if (head && head.seq > headOf(heads, streamId).seq) {
              heads.set(streamId, head);
            }
            sealed = sealMinutes(client.signer, streamId, headOf(heads, streamId), `contended ${k}.${turn}`);
          }
        }
        if (sealed.entry.header.seq > headOf(heads, streamId).seq) {
          heads.set(streamId, headAfter(sealed));
        }
        bodies.push(bodyOf(sealed));
      }
    }),
  );
  return { latenciesMs, seconds: (performance.now() - started) / 1000, conflicts, mostConflicts, bodies };
};
