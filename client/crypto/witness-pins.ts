/**
 * The witnesses this browser pins (docs/PROTOCOL.md §9.3), like the log key never from the server
 * it checks: (a) built into the client (`PARLEY_WITNESS_KEYS`, read by vite.config.ts), else (b)
 * the `witnesses=` parameter of an invitation link's fragment or (c) what the person pasted on the
 * log page, kept in localStorage. A link only ever pins where none are held; changing held pins is
 * the person's explicit step (witness-pin-changes.ts). The policy is the default, one witness of
 * each member party of the stream read (`stream-members`; the log page, which reads no stream,
 * asks one of every party the pins name), or, when no pin names a party, all pinned witnesses.
 */
import { z } from 'zod';
import {
  type PinnedWitness,
  parseWitnessPins,
  STREAM_MEMBERS_POLICY,
  type WitnessPolicy,
} from '../../shared/witness/witness-policy';

/** The pins, where they came from, and the policy their cosignatures must meet. */
export type BrowserWitnessPins = {
  readonly text: string;
  readonly witnesses: readonly PinnedWitness[];
  readonly policy: WitnessPolicy;
  readonly source: 'build' | 'invitation' | 'entered';
  /** When they were taken (null for pins built into the client). */
  readonly pinnedAt: string | null;
};

const PINS_KEY = 'parley.log.witnesses.v1';
// `source` came later: pins stored without it were all taken from invitation links.
const StoredPins = z.strictObject({
  text: z.string().min(1),
  pinnedAt: z.string(),
  source: z.enum(['invitation', 'entered']).optional(),
});
const FRAGMENT_PARAM = 'witnesses';

const pinsFrom = (
  text: string,
  source: BrowserWitnessPins['source'],
  pinnedAt: string | null,
): BrowserWitnessPins | null => {
  const parsed = parseWitnessPins(text);
  if (!parsed.ok || parsed.witnesses.length === 0) {
    return null;
  }
  const parties = [...new Set(parsed.witnesses.flatMap(({ party }) => (party === undefined ? [] : [party])))];
  const policy: WitnessPolicy =
    parties.length > 0 ? STREAM_MEMBERS_POLICY : { kind: 'threshold', threshold: parsed.witnesses.length };
  return { text, witnesses: parsed.witnesses, policy, source, pinnedAt };
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
    ? pinsFrom(__PARLEY_WITNESS_PINS__, 'build', null)
    : null;

/** The witness pins this browser holds, or null (then nothing is called witnessed). */
export const currentWitnessPins = (): BrowserWitnessPins | null => {
  if (BUILT) {
    return BUILT;
  }
  try {
    const stored = StoredPins.parse(JSON.parse(localStorage.getItem(PINS_KEY) ?? 'null'));
    return pinsFrom(stored.text, stored.source ?? 'invitation', stored.pinnedAt);
  } catch {
    return null;
  }
};

/** Keeps `text` (already parsed, at least one witness) as this browser's pins. Never over built-in pins. */
export const storeWitnessPins = (text: string, source: 'invitation' | 'entered'): BrowserWitnessPins | null => {
  if (BUILT) {
    return null;
  }
  localStorage.setItem(PINS_KEY, JSON.stringify({ text, pinnedAt: new Date().toISOString(), source }));
  return currentWitnessPins();
};

/** Drops the stored pins (built-in ones cannot be dropped). */
export const removeStoredWitnessPins = (): void => {
  if (!BUILT) {
    localStorage.removeItem(PINS_KEY);
  }
};

const witnessId = ({ key, party }: PinnedWitness) =>
  JSON.stringify([party ?? null, key.name, key.keyId, Array.from(key.publicKey)]);

/** Whether two pin lists name the same witnesses, keys and parties, in any order. */
const isSameWitnessSet = (a: readonly PinnedWitness[], b: readonly PinnedWitness[]): boolean => {
  const left = a.map(witnessId).sort();
  const right = b.map(witnessId).sort();
  return left.length === right.length && left.every((id, index) => id === right[index]);
};

/**
 * `link` carrying the witness keys this browser holds, as it carries the log pin: an admin's
 * invitation and recovery links hand their party's witnesses on, out of band from the server.
 */
export const withWitnessPins = (link: string, pins: Pick<BrowserWitnessPins, 'text'> | null): string =>
  pins === null ? link : `${link}&${FRAGMENT_PARAM}=${encodeURIComponent(pins.text)}`;

/** What became of the `witnesses=` parameter of an invitation link. */
export type WitnessPinOffer =
  | { readonly kind: 'absent' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'pinned'; readonly pins: BrowserWitnessPins }
  | { readonly kind: 'same' }
  | { readonly kind: 'conflicts'; readonly held: BrowserWitnessPins; readonly offered: readonly PinnedWitness[] };

/**
 * Takes the witness pins an invitation fragment carries when the browser holds none. A link never
 * replaces held pins: keys that differ from them are answered as a conflict for the page to show,
 * and the held pins stay.
 */
export const offerWitnessPinsFromFragment = (fragment: string): WitnessPinOffer => {
  const parts = fragment.split('&').filter((item) => item.startsWith(`${FRAGMENT_PARAM}=`));
  const [part] = parts;
  if (part === undefined) {
    return { kind: 'absent' };
  }
  if (parts.length > 1) {
    return { kind: 'refused', reason: 'the link names witness keys more than once' };
  }
  let text: string;
  try {
    text = decodeURIComponent(part.slice(FRAGMENT_PARAM.length + 1));
  } catch {
    return { kind: 'refused', reason: 'the witness keys are not percent-encoded text' };
  }
  const parsed = parseWitnessPins(text);
  if (!parsed.ok) {
    return { kind: 'refused', reason: parsed.reason };
  }
  if (parsed.witnesses.length === 0) {
    return { kind: 'refused', reason: 'the link names no witness key' };
  }
  const held = currentWitnessPins();
  if (held) {
    return isSameWitnessSet(held.witnesses, parsed.witnesses)
      ? { kind: 'same' }
      : { kind: 'conflicts', held, offered: parsed.witnesses };
  }
  const pins = storeWitnessPins(text, 'invitation');
  return pins ? { kind: 'pinned', pins } : { kind: 'refused', reason: 'the witness keys could not be kept' };
};
