import { describe, expect, it } from 'vitest';
import { sortBreaches } from './record-breaches';

const breach = (path: (string | number)[], reason = 'string is not well-formed Unicode') => ({ path, reason });

describe('sortBreaches: who answers for a breach of the JSON rules', () => {
  it('charges a breach inside a record to that record, counting the rest', () => {
    const sorted = sortBreaches([
      breach(['entries', 2, 'header', 'v'], 'member "v" appears twice in one object'),
      breach(['entries', 2, 'header', 'meta', 'reference']),
      breach(['statements', 0, 'signed', 'statement', '__proto__'], 'member name "__proto__" is never allowed'),
      breach(['leaves', 7]),
    ]);
    expect(sorted.of('entries', 2)).toBe(
      'breaks the JSON rules: entries[2].header.v: member "v" appears twice in one object (and 1 more)',
    );
    expect(sorted.of('statements', 0)).toMatch(/__proto__/);
    expect(sorted.of('leaves', 7)).toMatch(/^breaks the JSON rules: leaves\[7\]/);
    expect(sorted.of('entries', 1)).toBeUndefined();
    expect(sorted.bundle).toEqual([]);
    expect(sorted.structure).toBeUndefined();
  });

  it('charges origin and logKey to the bundle, and anything else to the structure', () => {
    const sorted = sortBreaches([breach(['origin']), breach(['logKey']), breach(['scope', 'id']), breach(['x', 'y'])]);
    expect(sorted.bundle).toHaveLength(2);
    expect(sorted.structure).toBe('scope.id: string is not well-formed Unicode');
  });

  it('does not charge a breach in a record list itself (its name) to a record', () => {
    expect(sortBreaches([breach(['entries'])]).structure).toBe('entries: string is not well-formed Unicode');
  });
});
