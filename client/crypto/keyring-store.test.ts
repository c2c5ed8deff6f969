import { describe, expect, it, vi } from 'vitest';
import type { BoxSecretKey, SignSecretKey } from '../../shared/crypto/identity-keys';
import type { VaultKey } from '../../shared/crypto/vault-keyring';
import {
  getKeyStatus,
  holdKeyring,
  KeyringLockedError,
  lockKeyring,
  subscribeKeyStatus,
  withKeys,
} from './keyring-store';

const PERSON = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const key = (): VaultKey => ({
  keyId: 'AAAAAAAAAAAAAAAAAAAAAA',
  signSecretKey: new Uint8Array(64).fill(7) as SignSecretKey,
  boxSecretKey: new Uint8Array(32).fill(9) as BoxSecretKey,
});

describe('the in-memory keyring', () => {
  it('holds a copy of the keys, lends them only for its person, and zeroes them when locked', () => {
    const listener = vi.fn();
    const unsubscribe = subscribeKeyStatus(listener);
    const original = key();
    holdKeyring(PERSON, [original], 'prf');
    original.signSecretKey.fill(0);
    expect(getKeyStatus()).toEqual({ state: 'unlocked', personId: PERSON, via: 'prf' });
    const lent = withKeys(PERSON, (keys) => keys[0]);
    expect(lent?.signSecretKey.every((byte) => byte === 7)).toBe(true);
    expect(() => withKeys(OTHER, () => 1)).toThrow(KeyringLockedError);

    lockKeyring('idle');
    expect(getKeyStatus()).toEqual({ state: 'locked', reason: 'idle' });
    expect(lent?.signSecretKey.every((byte) => byte === 0)).toBe(true);
    expect(lent?.boxSecretKey.every((byte) => byte === 0)).toBe(true);
    expect(() => withKeys(PERSON, () => 1)).toThrow(KeyringLockedError);
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('drops the previous person’s keys when another person’s keyring arrives', () => {
    holdKeyring(PERSON, [key()], 'recovery');
    const first = withKeys(PERSON, (keys) => keys[0]);
    holdKeyring(OTHER, [key()], 'passphrase');
    expect(first?.boxSecretKey.every((byte) => byte === 0)).toBe(true);
    expect(() => withKeys(PERSON, () => 1)).toThrow(KeyringLockedError);
    lockKeyring('signed-out');
  });
});
