import { describe, expect, it } from 'vitest';
import { parseInvitationFragment } from '../../../shared/log/log-pin-text';
import { formatVerifierKey } from '../../../shared/log/verifier-key';
import { formatCosignerKey } from '../../../shared/witness/cosigner-key';
import { outOfBandLink, ServerLinkRefusedError, tokenOfServerLink } from './out-of-band-link';

const TOKEN = `${'A'.repeat(40)}_-9`;
const ORIGIN = 'https://parley.example';
const LOG_PIN = {
  verifierKey: formatVerifierKey('parley.example/log', new Uint8Array(32).fill(7)),
  origin: 'parley.example/log',
  legacyBefore: 3,
};
const WITNESSES = {
  text: `party-a=${formatCosignerKey({ name: 'witness.a.test/w1', publicKey: new Uint8Array(32).fill(1) })}`,
};
const EVIL_KEY = encodeURIComponent(formatVerifierKey('evil.example/log', new Uint8Array(32).fill(9)));

const fragmentOf = (link: string) => link.slice(link.indexOf('#') + 1);

describe('the link an admin hands on, built in the admin browser around the server token', () => {
  it("carries the browser's origin, the page, the token and this browser's pins", () => {
    const link = outOfBandLink(ORIGIN, '/enrol', `https://server-says.example/enrol#${TOKEN}`, {
      logPin: LOG_PIN,
      witnessPins: WITNESSES,
    });
    expect(link.startsWith(`${ORIGIN}/enrol#${TOKEN}&log=`)).toBe(true);
    const fragment = parseInvitationFragment(fragmentOf(link));
    expect(fragment.token).toBe(TOKEN);
    expect(fragment.pin).toMatchObject({ ok: true, pin: { verifierKey: LOG_PIN.verifierKey, legacyBefore: 3 } });
    expect(link.endsWith(`&witnesses=${encodeURIComponent(WITNESSES.text)}`)).toBe(true);
  });

  it('is the bare token on the recovery page when the browser holds no pins', () => {
    expect(outOfBandLink(ORIGIN, '/recover', `${ORIGIN}/recover#${TOKEN}`, { logPin: null, witnessPins: null })).toBe(
      `${ORIGIN}/recover#${TOKEN}`,
    );
  });

  it.each([
    ['its own log pin', `${ORIGIN}/enrol#${TOKEN}&log=${EVIL_KEY}&legacy=0`],
    ['its own witnesses', `${ORIGIN}/enrol#${TOKEN}&witnesses=party-x%3Dwitness.evil`],
    ['an inviter of its choosing', `${ORIGIN}/enrol#${TOKEN}&inviter=someone`],
    ['no fragment', `${ORIGIN}/enrol?token=${TOKEN}`],
    ['a short token', `${ORIGIN}/enrol#${TOKEN.slice(1)}`],
    ['a token with other characters', `${ORIGIN}/enrol#${TOKEN.slice(1)}=`],
    ['an empty link', ''],
  ])('is refused when the server answers a link with %s', (_what, serverLink) => {
    expect(() => tokenOfServerLink(serverLink)).toThrow(ServerLinkRefusedError);
    expect(() => outOfBandLink(ORIGIN, '/enrol', serverLink, { logPin: LOG_PIN, witnessPins: null })).toThrow(
      ServerLinkRefusedError,
    );
  });
});
