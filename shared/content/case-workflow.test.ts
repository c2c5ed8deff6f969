import { describe, expect, it } from 'vitest';
import { nextStatuses } from './case-workflow';

describe('nextStatuses', () => {
  it('moves a reported case one step, never straight to returned', () => {
    const next = nextStatuses([]);
    expect(next).toContain('identity_verified');
    expect(next).not.toContain('returned');
    expect(next).not.toContain('located');
    expect(nextStatuses(['identity_verified', 'located', 'on_list', 'return_agreed', 'in_transit'])).toContain(
      'returned',
    );
  });

  it('offers the side states from the path, and from a side state the way back', () => {
    expect(nextStatuses(['identity_verified'])).toEqual(
      expect.arrayContaining(['located', 'disputed', 'declined_return', 'withdrawn']),
    );
    const afterDispute = nextStatuses(['identity_verified', 'disputed']);
    expect(afterDispute).toEqual(expect.arrayContaining(['identity_verified', 'located']));
    expect(afterDispute).not.toContain('disputed');
    expect(afterDispute).not.toContain('returned');
  });

  it('leaves a closed case only to a dispute', () => {
    expect(nextStatuses(['follow_up', 'closed'])).toEqual(['disputed']);
    expect(nextStatuses(['located', 'deceased'])).toEqual(['disputed']);
  });
});
