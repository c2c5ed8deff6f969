import { invitationFragment, type LogPinText } from '../../../shared/log/log-pin-text';
import { type BrowserWitnessPins, withWitnessPins } from '../../crypto/witness-pins';

/** A one-time token as the server draws it: 32 random bytes in base64url. */
const BARE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Thrown when the server's answer is not a link around a bare token: nothing is shown to hand on. */
export class ServerLinkRefusedError extends Error {
  constructor() {
    super(
      'The server answered a link that is not a bare one-time token, so this browser did not build a link from it. Report this to the operator.',
    );
    this.name = 'ServerLinkRefusedError';
  }
}

/** The one-time token in the fragment of a link the server answered, and nothing else of it. */
export const tokenOfServerLink = (serverLink: string): string => {
  const token = serverLink.slice(serverLink.indexOf('#') + 1);
  if (!serverLink.includes('#') || !BARE_TOKEN.test(token)) {
    throw new ServerLinkRefusedError();
  }
  return token;
};

export type OutOfBandPins = {
  /** The log pin this browser holds, or null if it holds none. */
  readonly logPin: LogPinText | null;
  readonly witnessPins: Pick<BrowserWitnessPins, 'text'> | null;
};

/**
 * The invitation or recovery link an admin hands on out of band, built in the admin's browser: its
 * own origin, the page, the server's token and this browser's pins. Only the token comes from the
 * server, so a hostile server cannot send the invitee elsewhere or choose the log and witnesses
 * the invitee's browser pins.
 */
export const outOfBandLink = (
  origin: string,
  page: '/enrol' | '/recover',
  serverLink: string,
  pins: OutOfBandPins,
): string =>
  withWitnessPins(
    `${origin}${page}#${invitationFragment(tokenOfServerLink(serverLink), pins.logPin ?? undefined)}`,
    pins.witnessPins,
  );
