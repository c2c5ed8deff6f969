import { describe, expect, it } from 'vitest';
import { areRecipientsCanonical, compareRecipients, hasRecipient } from './entry-recipients';

const r = (person: string, keyId: string) => ({ person, keyId });

describe('recipient order', () => {
  it('orders by person, then by key id, byte-wise', () => {
    expect(compareRecipients(r('a', 'Z'), r('b', 'A'))).toBeLessThan(0);
    expect(compareRecipients(r('a', 'B'), r('a', 'A'))).toBeGreaterThan(0);
    expect(compareRecipients(r('a', '-'), r('a', '_'))).toBeLessThan(0);
    expect(compareRecipients(r('a', 'Z'), r('a', 'a'))).toBeLessThan(0);
    expect(compareRecipients(r('a', 'A'), r('a', 'A'))).toBe(0);
  });

  it('calls only strictly ascending lists canonical', () => {
    expect(areRecipientsCanonical([])).toBe(true);
    expect(areRecipientsCanonical([r('a', 'A'), r('a', 'B'), r('b', 'A')])).toBe(true);
    expect(areRecipientsCanonical([r('b', 'A'), r('a', 'A')])).toBe(false);
    expect(areRecipientsCanonical([r('a', 'A'), r('a', 'A')])).toBe(false);
  });

  it('finds a recipient by person and key id together', () => {
    expect(hasRecipient([r('a', 'A')], r('a', 'A'))).toBe(true);
    expect(hasRecipient([r('a', 'A')], r('a', 'B'))).toBe(false);
  });
});
