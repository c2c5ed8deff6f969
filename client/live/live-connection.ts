/**
 * The tab's one connection to `GET /api/events` (server-sent events over `EventSource`, same
 * origin, cookie-authenticated). A notice is only a hint to read a stream again: it is parsed
 * with its schema and anything else is dropped. The server sends no event ids and replays
 * nothing (no `Last-Event-ID` support), so after any gap the listeners are told to re-read
 * everything they show instead.
 */
import { replyJson } from '../../shared/api/client';
import { API } from '../../shared/api/index';
import { EntryNotice } from '../../shared/schemas/entry-notice';

/** Where the connection stands, for people to see whether what they look at follows new entries. */
export type LiveState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export type LiveHandlers = {
  readonly onNotice: (notice: EntryNotice) => void;
  /** The connection is back after a gap in which notices may have been missed. */
  readonly onResync: () => void;
  readonly onState: (state: LiveState) => void;
};

/** After a refusal (EventSource then stops retrying by itself), try again this much later. */
const REFUSED_RETRY_MS = 5_000;

/** A notice, or undefined for anything that is not one. */
export const parseNotice = (data: unknown): EntryNotice | undefined => {
  if (typeof data !== 'string') {
    return undefined;
  }
  try {
    const parsed = EntryNotice.safeParse(replyJson(data));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

/** Opens the connection and keeps it open until the returned function is called. */
export const connectLive = (handlers: LiveHandlers): (() => void) => {
  let source: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let hasOpened = false;
  const open = () => {
    const current = new EventSource(API.events.path);
    source = current;
    handlers.onState(hasOpened ? 'reconnecting' : 'connecting');
    current.addEventListener('open', () => {
      handlers.onState('open');
      if (hasOpened) {
        handlers.onResync();
      }
      hasOpened = true;
    });
    current.addEventListener('entry', (event) => {
      const notice = parseNotice(event.data);
      if (notice) {
        handlers.onNotice(notice);
      }
    });
    current.addEventListener('error', () => {
      handlers.onState('reconnecting');
      // A dropped connection is retried by EventSource itself (the server asks for 2 s); a refused
      // one (a lapsed session, an error status) closes it for good, so it is reopened here.
      if (current.readyState === EventSource.CLOSED) {
        current.close();
        hasOpened = true;
        retry = setTimeout(open, REFUSED_RETRY_MS);
      }
    });
  };
  open();
  return () => {
    clearTimeout(retry);
    source?.close();
    handlers.onState('closed');
  };
};
