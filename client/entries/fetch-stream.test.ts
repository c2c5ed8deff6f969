import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredEntry, StreamView } from '../../shared/schemas/stream';
import { fetchStream } from './fetch-stream';

// The server: entries 1..total of one stream, in pages after a seq; `pageAt` may answer otherwise.
const server = vi.hoisted(() => ({
  total: 0,
  head: 0 as number | null,
  asked: [] as number[],
  pageAt: undefined as ((after: number) => readonly number[]) | undefined,
}));

vi.mock('../api/transport', () => ({
  api: async (_route: unknown, input: { query: { after: number; limit: number } }) => {
    const { after, limit } = input.query;
    server.asked.push(after);
    const seqs =
      server.pageAt?.(after) ??
      Array.from({ length: Math.max(0, Math.min(limit, server.total - after)) }, (_, index) => after + index + 1);
    const head = server.head === null ? null : { seq: server.head, hash: 'h' };
    return {
      stream: { id: 's', kind: 'case', head } as unknown as StreamView,
      entries: seqs.map((seq) => ({ header: { seq } }) as unknown as StoredEntry),
    };
  },
}));

const serve = (total: number, head: number | null = total) => {
  Object.assign(server, { total, head, asked: [], pageAt: undefined });
};

describe('fetchStream', () => {
  beforeEach(() => serve(0));

  it('asks at once for the pages up to the head the list names, and for none past it', async () => {
    serve(1000);
    expect((await fetchStream('s', 0, 1000)).entries.map((entry) => entry.header.seq)).toEqual(
      Array.from({ length: 1000 }, (_, index) => index + 1),
    );
    expect(server.asked).toEqual([0, 250, 500, 750]);
    serve(1000);
    expect((await fetchStream('s', 400, 1000)).entries).toHaveLength(600);
    expect(server.asked).toEqual([400, 650, 900]);
  });

  it('asks for at most 8 pages at once, then follows the head the server names', async () => {
    serve(2600);
    expect((await fetchStream('s', 0, 2600)).entries).toHaveLength(2600);
    expect(server.asked).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000, 2250, 2500]);
    // No head known: one page, then the pages up to the head its reply names.
    serve(1000);
    expect((await fetchStream('s')).entries).toHaveLength(1000);
    expect(server.asked).toEqual([0, 250, 500, 750]);
  });

  it('stops on a short page, and on a page that is not the full page after its cursor', async () => {
    serve(1200, 5000);
    expect((await fetchStream('s', 0, 5000)).entries).toHaveLength(1200);
    expect(server.asked.slice(0, 5)).toEqual([0, 250, 500, 750, 1000]);
    // A server answering the first page again for every cursor: the fetch ends, not loops.
    serve(1000, 9000);
    server.pageAt = () => Array.from({ length: 250 }, (_, index) => index + 1);
    expect((await fetchStream('s')).entries).toHaveLength(500);
    expect(server.asked).toEqual([0, 250, 500, 750, 1000, 1250, 1500, 1750, 2000]);
  });

  it('fails with the first page that fails, and leaves no rejection unhandled', async () => {
    serve(1000);
    server.pageAt = (after) => {
      if (after >= 250) {
        throw new Error(`page after ${after} refused`);
      }
      return Array.from({ length: 250 }, (_, index) => index + 1);
    };
    await expect(fetchStream('s', 0, 1000)).rejects.toThrow('page after 250 refused');
  });
});
