import { API } from '../../shared/api/index';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';
import { api } from '../api/transport';

const PAGE = 250;
/** Pages asked for at once: each is parsed as it arrives while the server prepares the others. */
const PAGES_AHEAD = 8;

/** A stream as the server hands it over: its routing facts and every entry, in seq order. Unverified. */
export type FetchedStream = { readonly stream: StreamView; readonly entries: readonly StoredEntry[] };

const requestPage = (streamId: string, after: number) =>
  api(API.listEntries, { params: { streamId }, query: { after, limit: PAGE } });

/**
 * Fetches every entry of a stream after seq `from` (all of them by default), to its head. The
 * pages up to `head` (the seq the stream list names, when known) are asked for at once, at most
 * {@link PAGES_AHEAD}; then more while the last page is full and the server names a head further
 * on. The head is a hint: it decides only how many pages to ask for, as a short page would. Seqs
 * are dense, so each page's cursor is known in advance; a page that is not the full page after
 * its cursor ends the fetch, and the chain check judges what was served.
 * Nothing here is trusted yet: see `readStream`.
 */
export const fetchStream = async (streamId: string, from = 0, head = 0): Promise<FetchedStream> => {
  const entries: StoredEntry[] = [];
  let after = from;
  let headHint = head;
  for (;;) {
    const count = Math.min(PAGES_AHEAD, Math.max(1, Math.ceil((headHint - after) / PAGE)));
    const asked = Array.from({ length: count }, (_, index) => requestPage(streamId, after + index * PAGE));
    // Awaited in order below; not left unhandled when an earlier page fails or ends the fetch.
    for (const page of asked) {
      page.catch(() => undefined);
    }
    for (const pending of asked) {
      const page = await pending;
      entries.push(...page.entries);
      const isFullPage = page.entries.length === PAGE && page.entries.at(-1)?.header.seq === after + PAGE;
      headHint = page.stream.head?.seq ?? 0;
      if (!isFullPage || after + PAGE >= headHint) {
        return { stream: page.stream, entries };
      }
      after += PAGE;
    }
  }
};

/** Every case and thread the caller may see (a reviewer sees all of them, headers only). */
export const fetchStreamList = async (): Promise<readonly StreamView[]> => (await api(API.listStreams)).streams;
