/**
 * The person's own changes to the witness pins on the log page (docs/PROTOCOL.md §9.3): pin
 * pasted keys when none are held, replace held ones only after a confirm step that showed them,
 * or forget them. Only the person's text is an input: nothing the server answers reaches here.
 * Pins built into the client cannot be changed. A refused change changes nothing.
 */
import { type PinnedWitness, parseWitnessPins } from '../../shared/witness/witness-policy';
import { type BrowserWitnessPins, currentWitnessPins, removeStoredWitnessPins, storeWitnessPins } from './witness-pins';

/** Why a change to the pins was refused. */
export type WitnessPinRefusal =
  | { readonly kind: 'invalid'; readonly line: number | null; readonly reason: string }
  | { readonly kind: 'empty' }
  | { readonly kind: 'built' }
  | { readonly kind: 'held' }
  | { readonly kind: 'none-held' }
  | { readonly kind: 'changed' };

/** The outcome of a change: the pins held afterwards (null when forgotten), or why nothing changed. */
export type WitnessPinChange =
  | { readonly ok: true; readonly pins: BrowserWitnessPins | null }
  | { readonly ok: false; readonly refusal: WitnessPinRefusal };

/** Pasted pins, checked: the witnesses and the text to keep (one pin a line), or why they are refused. */
export type PastedWitnessPins =
  | { readonly ok: true; readonly text: string; readonly witnesses: readonly PinnedWitness[] }
  | { readonly ok: false; readonly refusal: WitnessPinRefusal };

const refuse = (refusal: WitnessPinRefusal) => ({ ok: false, refusal }) as const;

/**
 * Reads pasted pins in the format `parseWitnessPins` takes (`[party=]<witness verifier key>`, one
 * a line or comma-separated), naming the first line that does not parse.
 */
export const readPastedWitnessPins = (pasted: string): PastedWitnessPins => {
  const lines = pasted.split(/\r?\n/).map((line) => line.trim());
  for (const [index, line] of lines.entries()) {
    const parsed = parseWitnessPins(line);
    if (!parsed.ok) {
      return refuse({ kind: 'invalid', line: index + 1, reason: parsed.reason });
    }
  }
  const text = lines.filter((line) => line !== '').join('\n');
  const parsed = parseWitnessPins(text);
  if (!parsed.ok) {
    return refuse({ kind: 'invalid', line: null, reason: parsed.reason });
  }
  return parsed.witnesses.length === 0 ? refuse({ kind: 'empty' }) : { ok: true, text, witnesses: parsed.witnesses };
};

const stored = (text: string): WitnessPinChange => {
  const pins = storeWitnessPins(text, 'entered');
  return pins ? { ok: true, pins } : refuse({ kind: 'built' });
};

/** Pins pasted keys when this browser holds none (held pins change only through a replace). */
export const pinPastedWitnesses = (pasted: string): WitnessPinChange => {
  const held = currentWitnessPins();
  if (held) {
    return refuse({ kind: held.source === 'build' ? 'built' : 'held' });
  }
  const read = readPastedWitnessPins(pasted);
  return read.ok ? stored(read.text) : read;
};

/** The held pins a confirm step showed, if they are still the ones held (another tab may have changed them). */
const confirmedHeld = (confirmedText: string): WitnessPinRefusal | null => {
  const held = currentWitnessPins();
  if (held === null) {
    return { kind: 'none-held' };
  }
  if (held.source === 'build') {
    return { kind: 'built' };
  }
  return held.text === confirmedText ? null : { kind: 'changed' };
};

/**
 * Replaces the held pins with pasted ones, after a confirm step that showed both: `confirmedText`
 * is the held pins' text as shown, and must still be the text held.
 */
export const replaceWitnessPins = (pasted: string, confirmedText: string): WitnessPinChange => {
  const refusal = confirmedHeld(confirmedText);
  if (refusal) {
    return refuse(refusal);
  }
  const read = readPastedWitnessPins(pasted);
  return read.ok ? stored(read.text) : read;
};

/** Forgets the held pins (as shown by the confirm step: `confirmedText`); then nothing is witnessed. */
export const forgetWitnessPins = (confirmedText: string): WitnessPinChange => {
  const refusal = confirmedHeld(confirmedText);
  if (refusal) {
    return refuse(refusal);
  }
  removeStoredWitnessPins();
  return { ok: true, pins: null };
};
