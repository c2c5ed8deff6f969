import { entryRoutes } from '../../shared/api/entries';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';
import type { ParleyHttp } from './parley-http';

/** The largest page `GET /api/streams/:streamId/entries` serves. */
const PAGE = 1000;

/**
 * Every entry of a stream after `after` (a seq), in chain order, following pages to the end.
 * Nothing here is trusted yet: see `extendChain` and `verifyInclusions`.
 */
export const fetchStreamEntries = async (
  http: ParleyHttp,
  streamId: string,
  after = 0,
): Promise<{ stream: StreamView; entries: StoredEntry[] }> => {
  const entries: StoredEntry[] = [];
  for (;;) {
    const cursor = entries.at(-1)?.header.seq ?? after;
    const page = await http.api(entryRoutes.listEntries, {
      params: { streamId },
      query: { after: cursor, limit: PAGE },
    });
    entries.push(...page.entries);
    if (page.entries.length < PAGE) {
      return { stream: page.stream, entries };
    }
  }
};
