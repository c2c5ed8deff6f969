import { describe, expect, it } from 'vitest';
import { cosignerKeyOf } from './cosigner-key';
import { witnessKeyHash } from './witness-key-hash';

describe('the key hash shown for a pinned witness', () => {
  it('is the full SHA-256 whose first four bytes are the cosignature/v1 key ID', () => {
    const key = cosignerKeyOf('witness.example/w1', new Uint8Array(32).fill(7));
    const hash = witnessKeyHash(key);
    expect(hash).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);
    expect(hash.replaceAll(' ', '').slice(0, 8)).toBe(key.keyId.toString(16).padStart(8, '0'));
  });

  it('differs for another name or another key', () => {
    const key = cosignerKeyOf('witness.example/w1', new Uint8Array(32).fill(7));
    expect(witnessKeyHash({ ...key, name: 'witness.example/w2' })).not.toBe(witnessKeyHash(key));
    expect(witnessKeyHash({ ...key, publicKey: new Uint8Array(32).fill(8) })).not.toBe(witnessKeyHash(key));
  });
});
