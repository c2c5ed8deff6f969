/** One add-checkpoint call to a witness over HTTP (https://c2sp.org/tlog-witness). */

import type { Hash } from '../../shared/log/merkle';
import {
  formatAddCheckpointRequest,
  parseCosignatureResponse,
  parseTreeSizeBody,
} from '../../shared/witness/add-checkpoint';
import type { WitnessTarget } from './witness-targets';

/** What a witness answered, reduced to what the collector acts on. */
export type WitnessReply =
  | { readonly kind: 'cosigned'; readonly lines: readonly string[] }
  | { readonly kind: 'conflict'; readonly witnessSize: number }
  | { readonly kind: 'refused'; readonly status: number; readonly detail: string }
  | { readonly kind: 'unreachable'; readonly detail: string };

/** Submits a checkpoint note with the consistency proof from `oldSize`; never throws. */
export const submitCheckpoint = async (
  target: WitnessTarget,
  request: { oldSize: number; proof: readonly Hash[]; checkpoint: string },
  timeoutMs: number,
): Promise<WitnessReply> => {
  let response: Response;
  let body: string;
  try {
    response = await fetch(`${target.url}/add-checkpoint`, {
      method: 'POST',
      body: formatAddCheckpointRequest(request),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    return { kind: 'unreachable', detail: error instanceof Error ? error.message : String(error) };
  }
  if (response.status === 200) {
    const lines = parseCosignatureResponse(body);
    return lines
      ? { kind: 'cosigned', lines }
      : { kind: 'refused', status: 200, detail: 'answer is not signature lines' };
  }
  if (response.status === 409) {
    const witnessSize = parseTreeSizeBody(body);
    if (witnessSize !== undefined) {
      return { kind: 'conflict', witnessSize };
    }
  }
  return { kind: 'refused', status: response.status, detail: body.slice(0, 300).trim() };
};
