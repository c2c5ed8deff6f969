import { describe, expect, it } from 'vitest';
import { formatVerifierKey } from '../../shared/log/verifier-key';
import { builtPin, currentPin, offerPin } from './log-pin-source';
import { useMemoryLocalStorage } from './memory-local-storage';

const KEY = formatVerifierKey('parley.example/parley/log/v1', new Uint8Array(32).fill(3));
const OTHER = formatVerifierKey('parley.example/parley/log/v1', new Uint8Array(32).fill(4));
const pin = (verifierKey: string, legacyBefore = 0) => ({
  verifierKey,
  origin: 'parley.example/parley/log/v1',
  legacyBefore,
});

const store = useMemoryLocalStorage();

describe('where the browser takes its log pin from', () => {
  it('takes a pin built into the client only when the deployment set a valid one', () => {
    expect(builtPin(undefined)).toBeNull();
    expect(builtPin({ key: '', legacyBefore: '0' })).toBeNull();
    expect(builtPin({ key: KEY, legacyBefore: '12' })).toEqual({
      ...pin(KEY, 12),
      source: 'build',
      pinnedAt: null,
    });
    expect(builtPin({ key: `${KEY}x`, legacyBefore: '0' })).toBeNull();
  });

  it('keeps the first pin offered out of band, and reports a different one as a conflict', () => {
    expect(currentPin()).toBeNull();
    expect(offerPin(pin(KEY), 'invitation')).toMatchObject({
      pin: { verifierKey: KEY, source: 'invitation' },
      conflict: false,
    });
    expect(currentPin()).toMatchObject({ verifierKey: KEY, source: 'invitation' });
    expect(offerPin(pin(KEY), 'entered').conflict).toBe(false);
    const other = offerPin(pin(OTHER), 'invitation');
    expect(other).toMatchObject({ pin: { verifierKey: KEY }, conflict: true });
    expect(offerPin(pin(KEY, 5), 'entered').conflict).toBe(true);
    expect(currentPin()?.verifierKey).toBe(KEY);
  });

  it('ignores stored text that is not a pin', () => {
    store.set('parley.log.pin.v2', '{"verifierKey":1}');
    expect(currentPin()).toBeNull();
  });
});
