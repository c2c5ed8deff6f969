import { describe, expect, it } from 'vitest';
import { GroupCommit, type ItemOutcome } from './group-commit';

/** An integrator that records each batch it is given and answers every item with its own outcome. */
const recording = (decide: (item: number) => ItemOutcome<string>) => {
  const batches: number[][] = [];
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  return {
    batches,
    /** Holds the next batch inside `integrate` until `open()` is called. */
    hold: () => {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    open: () => release?.(),
    integrate: async (items: readonly number[]) => {
      batches.push([...items]);
      if (gate) {
        const waiting = gate;
        gate = undefined;
        await waiting;
      }
      return items.map(decide);
    },
  };
};

describe('group commit', () => {
  it('hands items submitted together to one integration, each caller getting its own result', async () => {
    const integrator = recording((item) => ({ ok: true, value: `leaf ${item}` }));
    const commit = new GroupCommit(integrator.integrate, { maxBatch: 64, maxDelayMs: 1 });
    const results = await Promise.all([1, 2, 3].map((item) => commit.submit(item)));
    expect(results).toEqual(['leaf 1', 'leaf 2', 'leaf 3']);
    expect(integrator.batches).toEqual([[1, 2, 3]]);
  });

  it('refuses one item without failing the others of its batch', async () => {
    const integrator = recording((item) =>
      item === 2 ? { ok: false, error: new Error('lost the race') } : { ok: true, value: `leaf ${item}` },
    );
    const commit = new GroupCommit(integrator.integrate, { maxBatch: 64, maxDelayMs: 1 });
    const settled = await Promise.allSettled([1, 2, 3].map((item) => commit.submit(item)));
    expect(settled.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toEqual(new Error('lost the race'));
  });

  it('fails every item of a batch whose integration fails, so nothing unstored is acknowledged', async () => {
    const commit = new GroupCommit<number, string>(
      async () => {
        throw new Error('the commit failed');
      },
      { maxBatch: 64, maxDelayMs: 1 },
    );
    const settled = await Promise.allSettled([1, 2].map((item) => commit.submit(item)));
    expect(settled.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
  });

  it('runs one batch at a time and sends what queued meanwhile as the next batch, split at the size limit', async () => {
    const integrator = recording((item) => ({ ok: true, value: String(item) }));
    const commit = new GroupCommit(integrator.integrate, { maxBatch: 3, maxDelayMs: 1 });
    integrator.hold();
    const first = commit.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(integrator.batches).toEqual([[1]]);
    const later = [2, 3, 4, 5].map((item) => commit.submit(item));
    expect(integrator.batches).toEqual([[1]]);
    integrator.open();
    await Promise.all([first, ...later]);
    expect(integrator.batches).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('answers a missing outcome as an error rather than leaving its caller waiting', async () => {
    const commit = new GroupCommit<number, string>(async () => [], { maxBatch: 64, maxDelayMs: 1 });
    await expect(commit.submit(1)).rejects.toThrow('no outcome for item 0');
  });
});
