/**
 * Turns on a contended stream, in arrival order. Only one entry can extend a stream's signed
 * chain per round, and the server can never re-seal for a writer, so racing writers each re-seal
 * at the head their 409 names and race again: whoever won learns the new head first and tends to
 * win again, and an unlucky writer lost a hundred rounds in a row. Here a writer's append waits
 * while another writer holds the stream's turn; a writer whose append lost the head (a 409) keeps
 * the turn for a short while to send it again re-sealed, and then the turn passes to the next.
 *
 * This orders requests and nothing else: every entry still goes through the sequencer's checks,
 * which alone decide, so a turn that is lost, expires or is never taken changes no answer. Each
 * wait is bounded, and so is the line: past either bound, an append goes on and races as before.
 * Turns are per server process; several processes on one database race between themselves.
 */

/** How an append that held the turn ended: `conflict` is a 409 for a stale head. */
export type TurnOutcome = 'done' | 'conflict';

/** A stream's head as a 409 names it: the last entry's seq and hash (base64url). */
export type StreamHead = { readonly seq: number; readonly hash: string };

export type Placed = { readonly head: StreamHead; readonly changesMembers: boolean };

export type Turn = {
  /**
   * The head this process last placed on the stream while its line was open, told only to a writer
   * who has placed an entry on it since the last membership change: a 409 names the head, which
   * only members may learn, and the sequencer checked that writer's membership when it placed it.
   */
  readonly lastPlaced: StreamHead | undefined;
  /** Ends the turn; `placed` when the entry was appended, with whether it changed the members. */
  end(outcome: TurnOutcome, placed?: Placed): void;
};

export type StreamTurnLimits = {
  /** How long a writer keeps the turn after a 409, to send its entry again re-sealed. */
  readonly keepMs: number;
  /** How many 409s in a row a writer may keep the turn through before it passes on. */
  readonly keeps: number;
  /** The longest an append waits for its turn before it goes on regardless. */
  readonly maxWaitMs: number;
  /** Appends waiting on one stream at most; more go on at once. */
  readonly maxWaiting: number;
  /** Appends waiting on all streams together at most (each holds its request body). */
  readonly maxWaitingTotal: number;
};

/** The limits for a kept turn of `keepMs`: a waiter waits at most ten of those, and at least 5 s. */
export const turnLimits = (keepMs = 1_000): StreamTurnLimits => ({
  keepMs,
  keeps: 3,
  maxWaitMs: Math.max(5_000, 10 * keepMs),
  maxWaiting: 64,
  maxWaitingTotal: 1_000,
});

type Waiter = { readonly writer: string; readonly grant: () => void };

type StreamLine = {
  holder: string;
  /** The holder's appends still being answered. */
  inFlight: number;
  /** 409s the holder has kept the turn through. */
  kept: number;
  keepTimer: NodeJS.Timeout | undefined;
  lastPlaced: StreamHead | undefined;
  /** Writers whose entries this process placed on the stream since its last membership change. */
  readonly placedBy: Set<string>;
  readonly waiting: Waiter[];
};

const noTurn: Turn = { lastPlaced: undefined, end: () => undefined };

export class StreamTurns {
  private readonly lines = new Map<string, StreamLine>();
  private waitingTotal = 0;

  constructor(private readonly limits: StreamTurnLimits = turnLimits()) {}

  /** Waits until `writer` holds the turn on `streamId` (or a bound passes); `end` the turn with the append's outcome. */
  async take(streamId: string, writer: string): Promise<Turn> {
    const line = this.lines.get(streamId);
    if (line === undefined) {
      this.lines.set(streamId, {
        holder: writer,
        inFlight: 1,
        kept: 0,
        keepTimer: undefined,
        lastPlaced: undefined,
        placedBy: new Set(),
        waiting: [],
      });
      return this.turnOf(streamId, writer);
    }
    if (line.holder === writer) {
      clearTimeout(line.keepTimer);
      line.keepTimer = undefined;
      line.inFlight += 1;
      return this.turnOf(streamId, writer);
    }
    if (line.waiting.length >= this.limits.maxWaiting || this.waitingTotal >= this.limits.maxWaitingTotal) {
      return noTurn;
    }
    this.waitingTotal += 1;
    const granted = await new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        writer,
        grant: () => {
          clearTimeout(timer);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        line.waiting.splice(line.waiting.indexOf(waiter), 1);
        resolve(false);
      }, this.limits.maxWaitMs);
      line.waiting.push(waiter);
    });
    this.waitingTotal -= 1;
    return granted ? this.turnOf(streamId, writer) : noTurn;
  }

  /** Streams with a turn held or awaited (for tests and metrics). */
  get busyStreams(): number {
    return this.lines.size;
  }

  private turnOf(streamId: string, writer: string): Turn {
    let ended = false;
    const line = this.lines.get(streamId);
    return {
      lastPlaced: line?.placedBy.has(writer) ? line.lastPlaced : undefined,
      end: (outcome, placed) => {
        if (!ended) {
          ended = true;
          this.end(streamId, writer, outcome, placed);
        }
      },
    };
  }

  private end(streamId: string, writer: string, outcome: TurnOutcome, placed: Placed | undefined): void {
    const line = this.lines.get(streamId);
    if (line === undefined) {
      return;
    }
    if (placed !== undefined) {
      if (placed.head.seq > (line.lastPlaced?.seq ?? 0)) {
        line.lastPlaced = placed.head;
      }
      if (placed.changesMembers) {
        // Whoever was a member before may not be one now (the writer too, leaving).
        line.placedBy.clear();
      } else {
        line.placedBy.add(writer);
      }
    }
    line.inFlight -= 1;
    if (line.inFlight > 0) {
      return;
    }
    if (outcome === 'conflict' && line.kept < this.limits.keeps && line.waiting.length > 0) {
      line.kept += 1;
      line.keepTimer = setTimeout(() => this.pass(streamId), this.limits.keepMs);
      return;
    }
    this.pass(streamId);
  }

  /** The turn goes to the writer who has waited longest, or the stream's line closes. */
  private pass(streamId: string): void {
    const line = this.lines.get(streamId);
    if (line === undefined) {
      return;
    }
    clearTimeout(line.keepTimer);
    line.keepTimer = undefined;
    const next = line.waiting.shift();
    if (next === undefined) {
      this.lines.delete(streamId);
      return;
    }
    // The same writer's other appends waiting in line come in with it.
    const together = [next, ...line.waiting.filter((waiter) => waiter.writer === next.writer)];
    line.waiting.splice(0, line.waiting.length, ...line.waiting.filter((waiter) => waiter.writer !== next.writer));
    line.holder = next.writer;
    line.inFlight = together.length;
    line.kept = 0;
    for (const waiter of together) {
      waiter.grant();
    }
  }
}
