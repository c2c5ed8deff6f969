/**
 * Log pinning in the browser (docs/PROTOCOL.md §9; crypto reference §8, "client state done
 * right"). The pin comes from the deployment's configuration, never from the server it checks
 * (client/crypto/log-pin-source.ts); the server's `GET /api/log/identity` is only compared to it.
 * With a pin, this browser accepts only checkpoints signed by that key, each newer one with a
 * consistency proof from the last it accepted, which it keeps per (origin, key) in localStorage.
 * Public data only is stored: no keys, no content. Any failure is kept, with both checkpoints as
 * evidence, until the person acknowledges it explicitly.
 */
import { z } from 'zod';
import { API } from '../../shared/api/index';
import { initCrypto } from '../../shared/crypto/sodium';
import { fromBase64url } from '../../shared/encoding/bytes';
import { LogMonitorState, type MonitorFailure, observeCheckpoint } from '../../shared/log/log-monitor';
import type { LogPinText } from '../../shared/log/log-pin-text';
import { api } from '../api/transport';
import { currentPin, type LogPin, offerPin } from './log-pin-source';
import { checkWitnesses, WitnessView } from './log-witnesses';
import type { WitnessPinChange } from './witness-pin-changes';
import { type BrowserWitnessPins, currentWitnessPins } from './witness-pins';

export type { LogPin } from './log-pin-source';

const LogFailure = z.strictObject({
  kind: z.string(),
  reason: z.string(),
  detectedAt: z.string(),
  evidence: z.strictObject({ trusted: z.string().nullable(), offered: z.string() }),
});
/** A refused checkpoint (or log key), with the trusted and the offered one. */
export type LogFailure = z.infer<typeof LogFailure>;

export type LogStatus = {
  /** What the pinned witnesses say (null without witness pins or before the first check). */
  readonly witness: WitnessView | null;
  /** The witness keys this browser pins (never from the server), or null. */
  readonly witnessPins: BrowserWitnessPins | null;
  /** Null until the log is pinned from the build, an invitation link or the person's paste. */
  readonly pin: LogPin | null;
  readonly checkpoint: { readonly treeSize: number; readonly rootHash: string; readonly note: string } | null;
  readonly failure: LogFailure | null;
};

const FAILURE_KEY = 'parley.log.failure.v1';
const WITNESS_KEY = 'parley.log.witness-view.v1';
const stateKey = (pin: LogPinText) => `parley.log.state.v1 ${JSON.stringify([pin.origin, pin.verifierKey])}`;

const read = <T>(key: string, schema: z.ZodType<T>): T | null => {
  const text = localStorage.getItem(key);
  if (text === null) {
    return null;
  }
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    return null;
  }
};

const write = (key: string, value: unknown) => localStorage.setItem(key, JSON.stringify(value));

const recordFailure = (failure: MonitorFailure | Omit<LogFailure, 'detectedAt'>): LogFailure => {
  const stored = { ...failure, detectedAt: new Date().toISOString() };
  // The first failure is the evidence that matters; a later one must not overwrite it.
  if (read(FAILURE_KEY, LogFailure) === null) {
    write(FAILURE_KEY, stored);
  }
  return read(FAILURE_KEY, LogFailure) ?? stored;
};

const pinText = (pin: LogPinText) => `${pin.origin}\n${pin.verifierKey}\nlegacy statements before: ${pin.legacyBefore}`;

/** What this browser has pinned and verified so far, without asking the server. */
export const storedLogStatus = (): LogStatus => {
  const pin = currentPin();
  const state = pin ? read(stateKey(pin), LogMonitorState) : null;
  const witnessPins = currentWitnessPins();
  const witness = witnessPins ? read(WITNESS_KEY, WitnessView) : null;
  return { pin, checkpoint: state?.checkpoint ?? null, failure: read(FAILURE_KEY, LogFailure), witness, witnessPins };
};

/**
 * Applies the person's change to the witness pins (witness-pin-changes.ts). What the old pins'
 * witnesses were shown to say is dropped with them: the next check measures under the new pins.
 */
export const changeWitnessPins = (change: () => WitnessPinChange): { change: WitnessPinChange; status: LogStatus } => {
  const outcome = change();
  if (outcome.ok) {
    localStorage.removeItem(WITNESS_KEY);
  }
  return { change: outcome, status: storedLogStatus() };
};

/**
 * Pins the log from out-of-band text (an invitation link's fragment, or what the person pasted)
 * if it has no pin yet. Text that contradicts the pin held is recorded as a failure: someone
 * handed this browser another log than the one it trusts.
 */
export const pinLog = (pin: LogPinText, source: 'invitation' | 'entered'): LogStatus => {
  const { pin: held, conflict } = offerPin(pin, source);
  if (conflict) {
    recordFailure({
      kind: 'pin-conflict',
      reason: `The ${source === 'invitation' ? 'invitation link' : 'text entered'} names another log than the one this browser pinned`,
      evidence: { trusted: pinText(held), offered: pinText(pin) },
    });
  }
  return storedLogStatus();
};

/**
 * Compares the server's log identity with the pin, then fetches the latest checkpoint and
 * advances the stored one with a consistency proof. Without a pin it asks the server nothing.
 * Needs a session (checkpoints are for signed-in people).
 */
export const checkLog = async (): Promise<LogStatus> => {
  const pin = currentPin();
  if (pin === null) {
    return storedLogStatus();
  }
  await initCrypto();
  const identity = await api(API.logIdentity);
  if (identity.origin !== pin.origin || identity.verifierKey !== pin.verifierKey) {
    recordFailure({
      kind: 'key-changed',
      reason: 'The server names another log key or origin than the one this browser pinned',
      evidence: { trusted: pinText(pin), offered: `${identity.origin}\n${identity.verifierKey}` },
    });
    return storedLogStatus();
  }
  const stored = read(stateKey(pin), LogMonitorState);
  const offered = await api(API.latestCheckpoint);
  const from = stored?.checkpoint.treeSize ?? 0;
  // The offered size is the server's convenience copy; the monitor checks it against the note.
  const proof =
    from > 0 && offered.treeSize > from
      ? (await api(API.consistencyProof, { query: { from, to: offered.treeSize } })).proof.map(fromBase64url)
      : [];
  const observed = observeCheckpoint(
    stored,
    { pinnedKey: pin.verifierKey, expectedOrigin: pin.origin },
    offered.note,
    proof,
  );
  if (!observed.ok) {
    recordFailure(observed.failure);
    return storedLogStatus();
  }
  if (observed.advanced) {
    write(stateKey(pin), observed.state);
  }
  const witnessPins = currentWitnessPins();
  if (witnessPins) {
    const checked = await checkWitnesses(pin, observed.state.checkpoint.note, witnessPins);
    if ('alarm' in checked) {
      recordFailure({
        kind: 'split-view',
        reason: `The log shows different histories: ${checked.alarm.reason}`,
        evidence: { trusted: checked.trusted, offered: checked.offered },
      });
    } else {
      write(WITNESS_KEY, checked.view);
    }
  }
  return storedLogStatus();
};

/**
 * Records a split view found outside the witness check (gossip: a checkpoint carried in an
 * entry, client/crypto/checkpoint-gossip.ts): the same blocking alarm, with both notes.
 */
export const recordSplitView = (reason: string, trusted: string, offered: string): LogFailure => {
  const failure = recordFailure({
    kind: 'split-view',
    reason: `The log shows different histories: ${reason}`,
    evidence: { trusted, offered },
  });
  for (const listener of failureListeners) {
    listener();
  }
  return failure;
};

const failureListeners = new Set<() => void>();

/** Calls `listener` whenever a failure is recorded outside `checkLog`, so the page shows it at once. */
export const onLogFailure = (listener: () => void): (() => void) => {
  failureListeners.add(listener);
  return () => {
    failureListeners.delete(listener);
  };
};

/** Clears a recorded failure after the person has said they kept the evidence; the pin stays. */
export const acknowledgeLogFailure = (): LogStatus => {
  localStorage.removeItem(FAILURE_KEY);
  return storedLogStatus();
};
