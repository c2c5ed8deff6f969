import { replyJson } from '../../shared/api/client';
import { entryRoutes } from '../../shared/api/entries';
import { EntryNotice } from '../../shared/schemas/entry-notice';
import type { SessionView } from '../../shared/schemas/identity';
import { EventStreamParser } from './event-stream-parser';
import type { ParleyHttp } from './parley-http';
import { problemOf, storeCookies, streamingHeaders } from './raw-http';

export { EntryNotice };

/** Stops listening; `ready` settles once the server has accepted the subscription. */
export type EventSubscription = (() => void) & { readonly ready: Promise<void> };

/** Options of {@link subscribeEntryNotices}. */
export type EventOptions = {
  /** Called when the stream fails or ends other than by `stop()`; the subscription is then over. */
  readonly onError?: (error: unknown) => void;
  /** The `fetch` to use; the global one by default. */
  readonly fetch?: typeof fetch;
};

/**
 * Listens to `GET /api/events` (server-sent events over `fetch`) and calls `onNotice` for each
 * `entry` event, parsed with its schema. Notices are hints: they carry no content and prove
 * nothing until the entry is read and verified.
 */
export const subscribeEntryNotices = (
  http: ParleyHttp,
  session: SessionView | null,
  onNotice: (notice: EntryNotice) => void,
  options: EventOptions = {},
): EventSubscription => {
  const controller = new AbortController();
  let accepted: () => void = () => undefined;
  let refused: (error: unknown) => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    accepted = resolve;
    refused = reject;
  });
  // A caller that never awaits `ready` must not see an unhandled rejection.
  ready.catch(() => undefined);
  const listen = async () => {
    const response = await (options.fetch ?? fetch)(new URL(entryRoutes.events.path, http.baseUrl), {
      headers: streamingHeaders(http, session, false, { accept: 'text/event-stream' }),
      signal: controller.signal,
      redirect: 'manual',
    });
    storeCookies(http, response);
    if (!response.ok || response.body === null) {
      throw await problemOf(response);
    }
    accepted();
    const parser = new EventStreamParser();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for await (const bytes of response.body) {
      for (const event of parser.push(decoder.decode(bytes, { stream: true }))) {
        if (event.event === 'entry') {
          onNotice(EntryNotice.parse(replyJson(event.data)));
        }
      }
    }
    throw new Error('The server ended the event stream');
  };
  listen().catch((error: unknown) => {
    refused(error);
    if (!controller.signal.aborted) {
      options.onError?.(error);
    }
  });
  return Object.assign(() => controller.abort(), { ready });
};
