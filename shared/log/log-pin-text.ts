/**
 * The pin a client takes for a deployment's transparency log, out of band (docs/PROTOCOL.md §9,
 * §7.8): the log's verifier key text and the deployment's legacy boundary, as
 * `npm run admin -- log-key` prints them, as the fragment of an invitation link carries them, or
 * as a build of the client ships them. Never from the server it is compared against.
 */
import { parseVerifierKey } from './verifier-key';

/** A log pin: the verifier key text, the origin it names, and the legacy boundary (0 for new deployments). */
export type LogPinText = { readonly verifierKey: string; readonly origin: string; readonly legacyBefore: number };

/** The outcome of parsing a pin. */
export type ParsedLogPin =
  | { readonly ok: true; readonly pin: LogPinText }
  | { readonly ok: false; readonly reason: string };

const fail = (reason: string): ParsedLogPin => ({ ok: false, reason });

/** Checks a verifier key text and a legacy boundary (decimal digits) and makes them a pin. */
export const parseLogPin = (verifierKey: string, legacyBefore: string | number = 0): ParsedLogPin => {
  const key = parseVerifierKey(verifierKey.trim());
  if (!key.ok) {
    return fail(`the log key is not valid: ${key.reason}`);
  }
  const boundary =
    typeof legacyBefore === 'number'
      ? legacyBefore
      : /^\d{1,15}$/.test(legacyBefore.trim())
        ? Number(legacyBefore)
        : -1;
  if (!Number.isSafeInteger(boundary) || boundary < 0) {
    return fail('the legacy boundary is not a whole number of 0 or more');
  }
  return { ok: true, pin: { verifierKey: verifierKey.trim(), origin: key.key.name, legacyBefore: boundary } };
};

/**
 * Reads what a person pastes: the lines `npm run admin -- log-key` prints (`verifier key: …` and
 * `legacy statements before: …`), or the verifier key text alone (legacy boundary 0).
 */
export const parseLogKeyText = (text: string): ParsedLogPin => {
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  const field = (label: string) =>
    lines.find((line) => line.toLowerCase().startsWith(`${label}:`))?.slice(label.length + 1);
  const keyLine = field('verifier key');
  const legacy = field('legacy statements before');
  if (keyLine !== undefined) {
    return parseLogPin(keyLine, legacy ?? '0');
  }
  const bare = lines.filter((line) => line !== '');
  return bare.length === 1 ? parseLogPin(bare[0] ?? '') : fail('paste the verifier key line or the whole output');
};

const LOG_PARAM = 'log';
const LEGACY_PARAM = 'legacy';

/**
 * The fragment of an invitation link: the token, then the log pin, so that the invitee's browser
 * pins the log from the link (which travels out of band) and not from the server:
 * `<token>&log=<verifier key, percent-encoded>&legacy=<n>`.
 */
export const invitationFragment = (token: string, pin?: LogPinText): string =>
  pin === undefined
    ? token
    : `${token}&${LOG_PARAM}=${encodeURIComponent(pin.verifierKey)}&${LEGACY_PARAM}=${pin.legacyBefore}`;

/** An invitation link (`…/enrol#<token>`) extended with the log pin; an extended link keeps its own. */
export const withLogPin = (link: string, pin: LogPinText): string => {
  const hash = link.indexOf('#');
  if (hash === -1 || link.includes('&', hash)) {
    return link;
  }
  return `${link.slice(0, hash)}#${invitationFragment(link.slice(hash + 1), pin)}`;
};

/** What an invitation fragment holds: the token, and the log pin if the link carries one (or why it is bad). */
export type InvitationFragment = { readonly token: string; readonly pin: ParsedLogPin | null };

/** Splits an invitation link's fragment (without `#`) into its token and its log pin. */
export const parseInvitationFragment = (fragment: string): InvitationFragment => {
  const [token = '', ...rest] = fragment.split('&');
  const params = new Map<string, string>();
  for (const part of rest) {
    const equals = part.indexOf('=');
    if (equals > 0) {
      try {
        params.set(part.slice(0, equals), decodeURIComponent(part.slice(equals + 1)));
      } catch {
        params.set(part.slice(0, equals), '');
      }
    }
  }
  const key = params.get(LOG_PARAM);
  return { token, pin: key === undefined ? null : parseLogPin(key, params.get(LEGACY_PARAM) ?? '0') };
};
