import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoxSecretKey, SignSecretKey } from '../../shared/crypto/identity-keys';
import { HIDDEN_LOCK_MS, IDLE_LOCK_MS, startAutoLock } from './auto-lock';
import { getKeyStatus, holdKeyring, lockKeyring } from './keyring-store';

const PERSON = '11111111-1111-4111-8111-111111111111';

/** Just enough of `window` and `document` for the watcher, with events we can fire. */
const fakeDom = () => {
  const handlers = new Map<string, () => void>();
  const target = {
    addEventListener: (name: string, handler: () => void) => handlers.set(name, handler),
    removeEventListener: (name: string) => handlers.delete(name),
  };
  const document = { ...target, visibilityState: 'visible' as DocumentVisibilityState };
  vi.stubGlobal('document', document);
  vi.stubGlobal('window', { ...target, setInterval, clearInterval });
  return { document, fire: (name: string) => handlers.get(name)?.(), handlers };
};

const unlock = () =>
  holdKeyring(
    PERSON,
    [
      {
        keyId: 'AAAAAAAAAAAAAAAAAAAAAA',
        signSecretKey: new Uint8Array(64) as SignSecretKey,
        boxSecretKey: new Uint8Array(32) as BoxSecretKey,
      },
    ],
    'prf',
  );

describe('auto-lock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    lockKeyring('signed-out');
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('locks after 15 minutes without activity, and activity postpones it', () => {
    const dom = fakeDom();
    const stop = startAutoLock();
    unlock();
    vi.advanceTimersByTime(IDLE_LOCK_MS - 60_000);
    dom.fire('keydown');
    vi.advanceTimersByTime(IDLE_LOCK_MS - 60_000);
    expect(getKeyStatus().state).toBe('unlocked');
    vi.advanceTimersByTime(120_000);
    expect(getKeyStatus()).toEqual({ state: 'locked', reason: 'idle' });
    stop();
    expect(dom.handlers.size).toBe(0);
  });

  it('locks when the tab comes back after being hidden for 5 minutes, even if timers were throttled', () => {
    const dom = fakeDom();
    const stop = startAutoLock();
    unlock();
    dom.document.visibilityState = 'hidden';
    dom.fire('visibilitychange');
    // A hidden tab's interval may not run: move the clock without firing timers.
    vi.setSystemTime(Date.now() + HIDDEN_LOCK_MS + 1_000);
    dom.document.visibilityState = 'visible';
    dom.fire('visibilitychange');
    expect(getKeyStatus()).toEqual({ state: 'locked', reason: 'hidden' });
    stop();
  });

  it('keeps the keys when the tab was hidden only briefly', () => {
    const dom = fakeDom();
    const stop = startAutoLock();
    unlock();
    dom.document.visibilityState = 'hidden';
    dom.fire('visibilitychange');
    vi.advanceTimersByTime(60_000);
    dom.document.visibilityState = 'visible';
    dom.fire('visibilitychange');
    vi.advanceTimersByTime(HIDDEN_LOCK_MS);
    expect(getKeyStatus().state).toBe('unlocked');
    stop();
  });
});
