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

  it('asks for no page after the one that reaches the head the server names', async () => {
    serve(1000);
    expect((await fetchStream('s')).entries).toHaveLength(1000);
    expect(server.asked).toEqual([0]);
    serve(2500);
    expect((await fetchStream('s')).entries).toHaveLength(2500);
    expect(server.asked).toEqual([0, 1000, 2000]);
  });

  it('follows full pages while the head is further on, and stops on a short one', async () => {
    serve(1200, 5000);
    expect((await fetchStream('s')).entries).toHaveLength(1200);
    expect(server.asked).toEqual([0, 1000]);
    serve(1000, 1000);
    expect((await fetchStream('s', 400)).entries).toHaveLength(600);
    expect(server.asked).toEqual([400]);
  });

  it('stops on a full page that does not move past the cursor, instead of asking forever', async () => {
    serve(1000, 9000);
    server.pageAt = () => Array.from({ length: 1000 }, (_, index) => index + 1);
    await fetchStream('s');
    expect(server.asked).toEqual([0, 1000]);
  });
});
