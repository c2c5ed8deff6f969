import { describe, expect, it } from 'vitest';
import type { Hash } from '../../shared/log/merkle';
import { NodeCache } from './node-cache';

const hash = (byte: number) => new Uint8Array(32).fill(byte) as Hash;

describe('the node cache', () => {
  it('keeps at most its capacity, dropping the least recently used node first', () => {
    const cache = new NodeCache(2);
    cache.set('0:1', hash(1));
    cache.set('0:2', hash(2));
    expect(cache.get('0:1')).toEqual(hash(1));
    cache.set('1:0', hash(3));
    expect(cache.size).toBe(2);
    expect(cache.get('0:2')).toBeUndefined();
    expect(cache.get('0:1')).toEqual(hash(1));
    expect(cache.get('1:0')).toEqual(hash(3));
  });
});
