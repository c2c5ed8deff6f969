import { getKeyStatus, lockKeyring } from './keyring-store';

/**
 * When the keys leave memory on their own. Fifteen minutes without a key press, click, touch or
 * scroll: long enough to read and write a letter, short enough that an unattended screen does not
 * stay able to sign. Five minutes with the tab hidden (another tab, a minimised window, a locked
 * screen): a person who walked away rarely comes back within that time, and unlocking again with
 * a passkey costs one touch. Timers of hidden tabs are throttled, so the hidden time is also
 * checked the moment the tab is shown again.
 */
export const IDLE_LOCK_MS = 15 * 60_000;
export const HIDDEN_LOCK_MS = 5 * 60_000;

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const CHECK_EVERY_MS = 15_000;

/** Starts watching activity and visibility; returns the function that stops it. */
export const startAutoLock = (): (() => void) => {
  let lastActivity = Date.now();
  let hiddenSince: number | null = document.visibilityState === 'hidden' ? Date.now() : null;
  const onActivity = () => {
    lastActivity = Date.now();
  };
  const check = () => {
    if (getKeyStatus().state !== 'unlocked') {
      return;
    }
    const now = Date.now();
    if (now - lastActivity >= IDLE_LOCK_MS) {
      lockKeyring('idle');
    } else if (hiddenSince !== null && now - hiddenSince >= HIDDEN_LOCK_MS) {
      lockKeyring('hidden');
    }
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') {
      hiddenSince = Date.now();
      return;
    }
    check();
    hiddenSince = null;
    onActivity();
  };
  for (const name of ACTIVITY_EVENTS) {
    window.addEventListener(name, onActivity, { passive: true, capture: true });
  }
  document.addEventListener('visibilitychange', onVisibility);
  const timer = window.setInterval(check, CHECK_EVERY_MS);
  return () => {
    for (const name of ACTIVITY_EVENTS) {
      window.removeEventListener(name, onActivity, { capture: true });
    }
    document.removeEventListener('visibilitychange', onVisibility);
    window.clearInterval(timer);
  };
};
