import { entryRoutes } from '../../shared/api/entries';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';
import type { ParleyHttp } from './parley-http';

/** The largest page `GET /api/streams/:streamId/entries` serves. */
const PAGE = 250;

/** A page of a stream's entries after a seq, as the server served it. */
export type StreamPage = { readonly stream: StreamView; readonly entries: readonly StoredEntry[] };

/**
 * The pages of a stream's entries after `after` (a seq), in chain order, to the stream's head.
 * While the caller checks one page the server prepares the next, asked for as soon as a page
 * arrives. Seqs are dense, so the next page's cursor is known before this one is checked; a
 * server that serves anything else is caught by the chain check. The head the server names with
 * each page (a hint) only decides whether to ask for more: a server could end a read early with
 * a short page just as well, which is why reads compare with what was verified before. Nothing
 * here is trusted yet: see `extendChain` and `checkInclusions`.
 */
export async function* streamEntryPages(
  http: ParleyHttp,
  streamId: string,
  after = 0,
  pageSize = PAGE,
): AsyncGenerator<StreamPage> {
  const request = (cursor: number) =>
    http.api(entryRoutes.listEntries, { params: { streamId }, query: { after: cursor, limit: pageSize } });
  let next: Promise<StreamPage> | undefined = request(after);
  for (let cursor = after + pageSize; next !== undefined; cursor += pageSize) {
    const page: StreamPage = await next;
    const more = page.entries.length === pageSize && (page.stream.head?.seq ?? 0) > cursor;
    next = more ? request(cursor) : undefined;
    if (next !== undefined) {
      // Awaited on the next turn of the loop; not left unhandled if the caller stops first.
      next.catch(() => undefined);
      // Lets the request go out before the caller spends the thread checking this page.
      await new Promise((sent) => setTimeout(sent, 0));
    }
    yield page;
  }
}

/**
 * Every entry of a stream after `after` (a seq), in chain order, following pages to the end.
 * Nothing here is trusted yet: see `extendChain` and `checkInclusions`.
 */
export const fetchStreamEntries = async (
  http: ParleyHttp,
  streamId: string,
  after = 0,
): Promise<{ entries: StoredEntry[] }> => {
  const entries: StoredEntry[] = [];
  for await (const page of streamEntryPages(http, streamId, after)) {
    entries.push(...page.entries);
  }
  return { entries };
};
