/**
 * Where this browser's log pin comes from (docs/PROTOCOL.md §9): never from the server it checks.
 * In order: (a) the pin the deployment built into the client (`PARLEY_LOG_KEY`, read by
 * vite.config.ts); (b) the fragment of the invitation link, which travels out of band; (c) what
 * the person pastes once from `npm run admin -- log-key`. Public data only, in localStorage.
 */
import { z } from 'zod';
import { type LogPinText, parseLogPin } from '../../shared/log/log-pin-text';

/** The pin, where it came from and when it was taken (null for one built into the client). */
export type LogPin = LogPinText & {
  readonly source: 'build' | 'invitation' | 'entered';
  readonly pinnedAt: string | null;
};

const StoredPin = z.strictObject({
  verifierKey: z.string().min(1),
  origin: z.string().min(1),
  legacyBefore: z.number().int().min(0),
  source: z.enum(['invitation', 'entered']),
  pinnedAt: z.string(),
});

const PIN_KEY = 'parley.log.pin.v2';

/** Same key, origin and legacy boundary. */
const isSamePin = (a: LogPinText, b: LogPinText): boolean =>
  a.verifierKey === b.verifierKey && a.origin === b.origin && a.legacyBefore === b.legacyBefore;

/**
 * The pin a build carries, or null. A build whose value does not parse never gets here:
 * vite.config.ts refuses to build it.
 */
export const builtPin = (built: { key: string; legacyBefore: string } | undefined): LogPin | null => {
  if (!built || built.key === '') {
    return null;
  }
  const parsed = parseLogPin(built.key, built.legacyBefore);
  return parsed.ok ? { ...parsed.pin, source: 'build', pinnedAt: null } : null;
};

const BUILT = builtPin(typeof __PARLEY_LOG_PIN__ === 'undefined' ? undefined : __PARLEY_LOG_PIN__);

const storedPin = (): LogPin | null => {
  const text = localStorage.getItem(PIN_KEY);
  if (text === null) {
    return null;
  }
  try {
    return StoredPin.parse(JSON.parse(text));
  } catch {
    return null;
  }
};

/** The pin this browser holds: the build's if it has one, else the one taken from a link or entered. */
export const currentPin = (): LogPin | null => BUILT ?? storedPin();

/**
 * Takes `pin` (from an invitation link or pasted) when the browser holds none. Answers the pin
 * held afterwards and whether `pin` disagrees with it, which is an alarm the caller records.
 */
export const offerPin = (pin: LogPinText, source: 'invitation' | 'entered'): { pin: LogPin; conflict: boolean } => {
  const held = currentPin();
  if (held) {
    return { pin: held, conflict: !isSamePin(held, pin) };
  }
  const taken: LogPin = { ...pin, source, pinnedAt: new Date().toISOString() };
  localStorage.setItem(PIN_KEY, JSON.stringify(taken));
  return { pin: taken, conflict: false };
};
