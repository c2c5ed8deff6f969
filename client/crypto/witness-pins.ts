/**
 * The witnesses this browser pins (docs/PROTOCOL.md §9.3), like the log key never from the server
 * it checks: (a) built into the client (`PARLEY_WITNESS_KEYS`, read by vite.config.ts), else (b)
 * the `witnesses=` parameter of an invitation link's fragment, kept in localStorage. The policy is
 * the default, one witness of each member party of the stream read (`stream-members`; the log page,
 * which reads no stream, asks one of every party the pins name), or, when no pin names a party,
 * all pinned witnesses.
 */
import { z } from 'zod';
import {
  type PinnedWitness,
  parseWitnessPins,
  STREAM_MEMBERS_POLICY,
  type WitnessPolicy,
} from '../../shared/witness/witness-policy';

/** The pins and the policy their cosignatures must meet. */
export type BrowserWitnessPins = {
  readonly text: string;
  readonly witnesses: readonly PinnedWitness[];
  readonly policy: WitnessPolicy;
};

const PINS_KEY = 'parley.log.witnesses.v1';
const StoredPins = z.strictObject({ text: z.string().min(1), pinnedAt: z.string() });
const FRAGMENT_PARAM = 'witnesses';

const pinsFrom = (text: string): BrowserWitnessPins | null => {
  const parsed = parseWitnessPins(text);
  if (!parsed.ok || parsed.witnesses.length === 0) {
    return null;
  }
  const parties = [...new Set(parsed.witnesses.flatMap(({ party }) => (party === undefined ? [] : [party])))];
  const policy: WitnessPolicy =
    parties.length > 0 ? STREAM_MEMBERS_POLICY : { kind: 'threshold', threshold: parsed.witnesses.length };
  return { text, witnesses: parsed.witnesses, policy };
};

/** The policy for the log as a whole (no stream read): a witness of every party the pins name. */
export const logWidePolicy = ({
  witnesses,
  policy,
}: Pick<BrowserWitnessPins, 'witnesses' | 'policy'>): WitnessPolicy =>
  policy.kind === 'stream-members'
    ? { kind: 'each-party', parties: [...new Set(witnesses.flatMap(({ party }) => party ?? []))] }
    : policy;

const BUILT =
  typeof __PARLEY_WITNESS_PINS__ === 'string' && __PARLEY_WITNESS_PINS__ !== ''
    ? pinsFrom(__PARLEY_WITNESS_PINS__)
    : null;

/** The witness pins this browser holds, or null (then nothing is called witnessed). */
export const currentWitnessPins = (): BrowserWitnessPins | null => {
  if (BUILT) {
    return BUILT;
  }
  try {
    const stored = StoredPins.parse(JSON.parse(localStorage.getItem(PINS_KEY) ?? 'null'));
    return pinsFrom(stored.text);
  } catch {
    return null;
  }
};

/**
 * Takes the witness pins an invitation fragment carries, when the browser holds none; a fragment
 * whose pins differ from the ones held is ignored (the held pins stay). Answers why a parameter
 * was refused, or undefined.
 */
export const offerWitnessPinsFromFragment = (fragment: string): string | undefined => {
  const part = fragment.split('&').find((item) => item.startsWith(`${FRAGMENT_PARAM}=`));
  if (part === undefined) {
    return undefined;
  }
  let text: string;
  try {
    text = decodeURIComponent(part.slice(FRAGMENT_PARAM.length + 1));
  } catch {
    return 'the witness keys are not percent-encoded text';
  }
  const parsed = parseWitnessPins(text);
  if (!parsed.ok) {
    return parsed.reason;
  }
  if (currentWitnessPins() === null) {
    localStorage.setItem(PINS_KEY, JSON.stringify({ text, pinnedAt: new Date().toISOString() }));
  }
  return undefined;
};
