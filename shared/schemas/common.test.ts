import { describe, expect, it } from 'vitest';
import { Text, Timestamp, UniqueList, Uuid } from './common';

describe('Uuid: the RFC 9562 grammar, lower case', () => {
  it.each([
    '7e000000-0000-4000-8000-0000000000a1',
    '017f22e2-79b0-7cc3-98c4-dc0c0c07398f',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
  ])('accepts %s', (text) => {
    expect(Uuid.safeParse(text).success).toBe(true);
  });

  it.each([
    ['36 dashes', '-'.repeat(36)],
    ['upper case', '7E000000-0000-4000-8000-0000000000A1'],
    ['version 0', '7e000000-0000-0000-8000-0000000000a1'],
    ['version 9', '7e000000-0000-9000-8000-0000000000a1'],
    ['variant 0xxx', '7e000000-0000-4000-7000-0000000000a1'],
    ['variant 110x', '7e000000-0000-4000-c000-0000000000a1'],
    ['braces', '{7e000000-0000-4000-8000-0000000000a1}'],
    ['no dashes', '7e00000000004000800000000000000a1'],
  ])('refuses %s', (_, text) => {
    expect(Uuid.safeParse(text).success).toBe(false);
  });
});

describe('Timestamp: a real instant in UTC with milliseconds', () => {
  it.each(['2026-11-28T15:20:56.123Z', '2028-02-29T23:59:59.999Z', '0000-01-01T00:00:00.000Z'])(
    'accepts %s',
    (text) => {
      expect(Timestamp.safeParse(text).success).toBe(true);
    },
  );

  it.each([
    ['an impossible month, day and time', '2026-13-45T99:99:99.999Z'],
    ['30 February', '2026-02-30T12:00:00.000Z'],
    ['29 February of a common year', '2026-02-29T12:00:00.000Z'],
    ['a leap second', '2016-12-31T23:59:60.000Z'],
    ['hour 24', '2026-11-28T24:00:00.000Z'],
    ['a missing millisecond digit', '2026-11-28T15:20:56.12Z'],
    ['an offset instead of Z', '2026-11-28T15:20:56.123+00:00'],
  ])('refuses %s', (_, text) => {
    expect(Timestamp.safeParse(text).success).toBe(false);
  });
});

describe('Text: code points, well-formed', () => {
  const name = Text(1, 3);

  it('counts code points, so three emoji fit in three characters', () => {
    expect(name.safeParse('😀😀😀').success).toBe(true);
    expect(name.safeParse('abcd').success).toBe(false);
    expect(name.safeParse('').success).toBe(false);
  });

  it('refuses a lone surrogate, even within the length', () => {
    const parsed = name.safeParse('a\ud800');
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([
      'must be well-formed Unicode (no lone surrogate)',
    ]);
  });
});

describe('UniqueList', () => {
  it('refuses an item listed twice', () => {
    const list = UniqueList(Uuid, 4);
    const id = '7e000000-0000-4000-8000-0000000000a1';
    expect(list.safeParse([id]).success).toBe(true);
    expect(list.safeParse([id, id]).error?.issues[0]?.message).toBe('must not list the same item twice');
  });
});
