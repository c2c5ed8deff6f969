import { describe, expect, it } from 'vitest';
import { stanceOptions } from './stance-options';

const commitment = { obligor: 'ru', obligee: 'ua', intermediary: 'us' };

describe('stanceOptions', () => {
  it('lets the obligor accept, report progress and withdraw', () => {
    expect(stanceOptions(commitment, 'us', 'ru')).toEqual(['accepted', 'in_progress', 'withdrawn']);
  });

  it('lets the obligee and the intermediary accept only, unless they wrote it', () => {
    expect(stanceOptions(commitment, 'us', 'ua')).toEqual(['accepted']);
    expect(stanceOptions(commitment, 'us', 'us')).toEqual(['accepted', 'withdrawn']);
  });

  it('offers nothing to a party the commitment does not bind', () => {
    expect(stanceOptions({ obligor: 'ru', obligee: 'ua' }, 'ua', 'fr')).toEqual([]);
  });
});
