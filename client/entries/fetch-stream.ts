import { API } from '../../shared/api/index';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';
import { api } from '../api/transport';

const PAGE = 1000;

/** A stream as the server hands it over: its routing facts and every entry, in seq order. Unverified. */
export type FetchedStream = { readonly stream: StreamView; readonly entries: readonly StoredEntry[] };

/**
 * Fetches every entry of a stream after seq `from` (all of them by default), page by page, to the
 * head the server names (a hint: it decides only whether to ask for more, as a short page would).
 * Nothing here is trusted yet: see `readStream`.
 */
export const fetchStream = async (streamId: string, from = 0): Promise<FetchedStream> => {
  const entries: StoredEntry[] = [];
  for (;;) {
    const after = entries.at(-1)?.header.seq ?? from;
    const page = await api(API.listEntries, { params: { streamId }, query: { after, limit: PAGE } });
    entries.push(...page.entries);
    const last = entries.at(-1)?.header.seq ?? from;
    if (page.entries.length < PAGE || last <= after || last >= (page.stream.head?.seq ?? 0)) {
      return { stream: page.stream, entries };
    }
  }
};

/** Every case and thread the caller may see (a reviewer sees all of them, headers only). */
export const fetchStreamList = async (): Promise<readonly StreamView[]> => (await api(API.listStreams)).streams;
