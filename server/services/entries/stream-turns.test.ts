import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StreamTurns, type Turn } from './stream-turns';

const LIMITS = { keepMs: 500, keeps: 2, maxWaitMs: 5_000, maxWaiting: 3, maxWaitingTotal: 5 };

/** Starts `take` and records when it resolves, without awaiting it. */
const taking = (turns: StreamTurns, stream: string, writer: string, granted: string[]) => {
  const promise = turns.take(stream, writer).then((turn) => {
    granted.push(writer);
    return turn;
  });
  return promise;
};

describe('StreamTurns', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('grants the turn in arrival order, one writer at a time, and closes the line when idle', async () => {
    const turns = new StreamTurns(LIMITS);
    const granted: string[] = [];
    const first = await taking(turns, 's', 'ana', granted);
    const later = [taking(turns, 's', 'ben', granted), taking(turns, 's', 'cy', granted)];
    await vi.advanceTimersByTimeAsync(1_000);
    expect(granted).toEqual(['ana']);
    first.end('done');
    const ben = (await later[0]) as Turn;
    expect(granted).toEqual(['ana', 'ben']);
    ben.end('done');
    (await later[1])?.end('done');
    expect(granted).toEqual(['ana', 'ben', 'cy']);
    expect(turns.busyStreams).toBe(0);
  });

  it('lets a writer who lost the head keep the turn to send again, then passes it on after keepMs', async () => {
    const turns = new StreamTurns(LIMITS);
    const granted: string[] = [];
    const ana = await taking(turns, 's', 'ana', granted);
    const ben = taking(turns, 's', 'ben', granted);
    ana.end('conflict');
    await vi.advanceTimersByTimeAsync(400);
    expect(granted).toEqual(['ana']);
    // Ana's entry sent again, re-sealed, goes ahead of Ben.
    const again = await taking(turns, 's', 'ana', granted);
    expect(granted).toEqual(['ana', 'ana']);
    again.end('conflict');
    // This time Ana never comes back: the turn passes once keepMs is over.
    await vi.advanceTimersByTimeAsync(499);
    expect(granted).toEqual(['ana', 'ana']);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['ana', 'ana', 'ben']);
    (await ben).end('done');
    expect(turns.busyStreams).toBe(0);
  });

  it('keeps the turn through at most `keeps` 409s in a row', async () => {
    const turns = new StreamTurns(LIMITS);
    const granted: string[] = [];
    const ana = await taking(turns, 's', 'ana', granted);
    const cy = taking(turns, 's', 'cy', granted);
    ana.end('conflict');
    (await taking(turns, 's', 'ana', granted)).end('conflict');
    (await taking(turns, 's', 'ana', granted)).end('conflict');
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual(['ana', 'ana', 'ana', 'cy']);
    (await cy).end('done');
  });

  it('does not hold the turn after a 409 when nobody waits', async () => {
    const turns = new StreamTurns(LIMITS);
    (await turns.take('s', 'ana')).end('conflict');
    expect(turns.busyStreams).toBe(0);
  });

  it('lets an append go on after maxWaitMs, out of the line, without disturbing the holder', async () => {
    const turns = new StreamTurns(LIMITS);
    const granted: string[] = [];
    const ana = await taking(turns, 's', 'ana', granted);
    const ben = taking(turns, 's', 'ben', granted);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(granted).toEqual(['ana']);
    await vi.advanceTimersByTimeAsync(1);
    expect(granted).toEqual(['ana', 'ben']);
    (await ben).end('done'); // a turn never held: ending it passes nothing
    const cy = taking(turns, 's', 'cy', granted);
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual(['ana', 'ben']);
    ana.end('done');
    (await cy).end('done');
    expect(granted).toEqual(['ana', 'ben', 'cy']);
    expect(turns.busyStreams).toBe(0);
  });

  it('lets appends past maxWaiting go on at once', async () => {
    const turns = new StreamTurns(LIMITS);
    const granted: string[] = [];
    const ana = await taking(turns, 's', 'ana', granted);
    const waiting = ['ben', 'cy', 'dee'].map((writer) => taking(turns, 's', writer, granted));
    const eve = await taking(turns, 's', 'eve', granted);
    expect(granted).toEqual(['ana', 'eve']);
    eve.end('done');
    ana.end('done');
    for (const turn of waiting) {
      (await turn).end('done');
    }
    expect(granted).toEqual(['ana', 'eve', 'ben', 'cy', 'dee']);
  });

  it('lets appends past maxWaitingTotal, over all streams, go on at once', async () => {
    const turns = new StreamTurns(LIMITS);
    const granted: string[] = [];
    const holders = [await turns.take('s', 'ana'), await turns.take('t', 'ana')];
    const waiting = [
      ...['ben', 'cy', 'dee'].map((writer) => taking(turns, 's', writer, granted)),
      ...['ben', 'cy'].map((writer) => taking(turns, 't', writer, granted)),
    ];
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual([]);
    (await taking(turns, 't', 'eve', granted)).end('done');
    expect(granted).toEqual(['eve']);
    for (const holder of holders) {
      holder.end('done');
    }
    for (const turn of waiting) {
      (await turn).end('done');
    }
    expect(turns.busyStreams).toBe(0);
  });

  it("grants a writer's appends waiting in line together, and ends the turn when the last is answered", async () => {
    const turns = new StreamTurns(LIMITS);
    const granted: string[] = [];
    const ana = await taking(turns, 's', 'ana', granted);
    const ben1 = taking(turns, 's', 'ben', granted);
    const cy = taking(turns, 's', 'cy', granted);
    const ben2 = taking(turns, 's', 'ben', granted);
    ana.end('done');
    const [first, second] = [await ben1, await ben2];
    expect(granted).toEqual(['ana', 'ben', 'ben']);
    first.end('done');
    first.end('done'); // ending twice counts once
    await vi.advanceTimersByTimeAsync(0);
    expect(granted).toEqual(['ana', 'ben', 'ben']);
    second.end('done');
    (await cy).end('done');
    expect(granted).toEqual(['ana', 'ben', 'ben', 'cy']);
  });

  it('tells the head this process last placed only to writers it placed entries for since the members changed', async () => {
    const turns = new StreamTurns(LIMITS);
    const placed = (seq: number, changesMembers = false) => ({ head: { seq, hash: `h${seq}` }, changesMembers });
    const ana = await turns.take('s', 'ana');
    expect(ana.lastPlaced).toBeUndefined();
    const ben = turns.take('s', 'ben');
    ana.end('done', placed(7));
    const benTurn = await ben;
    // Ben has placed nothing here: the sequencer has not checked that he is a member.
    expect(benTurn.lastPlaced).toBeUndefined();
    const anaAgain = turns.take('s', 'ana');
    benTurn.end('done', placed(8));
    const anaTurn = await anaAgain;
    expect(anaTurn.lastPlaced).toEqual({ seq: 8, hash: 'h8' });
    const benAgain = turns.take('s', 'ben');
    anaTurn.end('done', placed(6)); // an older head never replaces a newer one
    const benTurn2 = await benAgain;
    expect(benTurn2.lastPlaced).toEqual({ seq: 8, hash: 'h8' });
    // A membership change: whoever placed before may no longer be a member.
    const anaThird = turns.take('s', 'ana');
    benTurn2.end('done', placed(9, true));
    const anaTurn3 = await anaThird;
    expect(anaTurn3.lastPlaced).toBeUndefined();
    anaTurn3.end('done');
    expect(turns.busyStreams).toBe(0);
  });

  it('keeps streams apart', async () => {
    const turns = new StreamTurns(LIMITS);
    const granted: string[] = [];
    const ana = await taking(turns, 's', 'ana', granted);
    (await taking(turns, 't', 'ben', granted)).end('done');
    expect(granted).toEqual(['ana', 'ben']);
    ana.end('done');
    expect(turns.busyStreams).toBe(0);
  });
});
