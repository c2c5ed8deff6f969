import { describe, expect, it } from 'vitest';
import { invitationFragment, parseInvitationFragment, parseLogKeyText, parseLogPin, withLogPin } from './log-pin-text';
import { formatVerifierKey } from './verifier-key';

const KEY = formatVerifierKey('parley.example/parley/log/v1', new Uint8Array(32).fill(7));
const TOKEN = 'A'.repeat(43);

describe('log pin text', () => {
  it('reads the output of npm run admin -- log-key, or the verifier key alone', () => {
    const printed = `origin: parley.example/parley/log/v1\nverifier key: ${KEY}\nlegacy statements before: 17\n`;
    expect(parseLogKeyText(printed)).toEqual({
      ok: true,
      pin: { verifierKey: KEY, origin: 'parley.example/parley/log/v1', legacyBefore: 17 },
    });
    expect(parseLogKeyText(`  ${KEY}  `)).toEqual({
      ok: true,
      pin: { verifierKey: KEY, origin: 'parley.example/parley/log/v1', legacyBefore: 0 },
    });
  });

  it('refuses a key with a typo, a bad boundary and text that is no pin', () => {
    const typo = `${KEY.slice(0, -3)}B${KEY.slice(-2)}`;
    expect(parseLogPin(typo)).toMatchObject({ ok: false, reason: expect.stringMatching(/^the log key is not valid/) });
    expect(parseLogPin(KEY, '-1')).toMatchObject({ ok: false, reason: expect.stringMatching(/legacy boundary/) });
    expect(parseLogPin(KEY, '1.5')).toMatchObject({ ok: false });
    expect(parseLogKeyText('hello\nworld')).toMatchObject({ ok: false });
    expect(parseLogKeyText('')).toMatchObject({ ok: false });
  });

  it('carries the pin in the fragment of an invitation link, after the token', () => {
    const pin = { verifierKey: KEY, origin: 'parley.example/parley/log/v1', legacyBefore: 3 };
    const link = withLogPin(`https://parley.example/enrol#${TOKEN}`, pin);
    expect(link).toBe(`https://parley.example/enrol#${invitationFragment(TOKEN, pin)}`);
    expect(new URL(link).hash.slice(1)).toBe(invitationFragment(TOKEN, pin));
    expect(parseInvitationFragment(new URL(link).hash.slice(1))).toEqual({ token: TOKEN, pin: { ok: true, pin } });
    // A link that already carries a pin keeps it: the inviter's pin does not replace the operator's.
    expect(withLogPin(link, { ...pin, legacyBefore: 9 })).toBe(link);
    expect(parseInvitationFragment(TOKEN)).toEqual({ token: TOKEN, pin: null });
    expect(parseInvitationFragment(`${TOKEN}&log=%E0%A4%A`).pin).toMatchObject({ ok: false });
  });
});
