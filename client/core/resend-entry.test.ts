import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../shared/api/client';
import { answerWasLost, pauseBeforeResend, sendUntilAnswered } from './resend-entry';

const problem = (status: number, type = '/problems/database-unavailable') =>
  new ApiProblem({ type, title: 'x', status });

/** A send that fails with each of `failures` in turn, then answers `answer`; counts its calls. */
const scripted = (failures: unknown[], answer = 'receipt') => {
  const state = { calls: 0 };
  const send = async () => {
    state.calls += 1;
    const failure = failures[state.calls - 1];
    if (failure !== undefined) {
      throw failure;
    }
    return answer;
  };
  return { state, send };
};

describe('sending one signed entry until the server answers', () => {
  const pauses: number[] = [];
  const pause = async (ms: number) => {
    pauses.push(ms);
  };

  it('sends the same entry again after 503, 502, 504 and a failed connection, pausing longer each time', async () => {
    pauses.length = 0;
    const { state, send } = scripted([problem(503), problem(502), problem(504), new TypeError('fetch failed')]);
    await expect(sendUntilAnswered(send, pause)).resolves.toBe('receipt');
    expect(state.calls).toBe(5);
    expect(pauses).toEqual([250, 500, 1_000, 2_000]);
  });

  it('gives up after the given number of sends with the last lost answer', async () => {
    const lost = problem(503);
    const { state, send } = scripted([lost, lost, lost, lost]);
    await expect(sendUntilAnswered(send, pause, 3)).rejects.toBe(lost);
    expect(state.calls).toBe(3);
  });

  it.each([
    ['a chain conflict (the entry was not logged)', problem(409, '/problems/entry-chain-conflict')],
    ['a refusal of the entry', problem(422, '/problems/validation')],
    ['a full disk', problem(507, '/problems/storage-full')],
    ['a rate limit', problem(429, '/problems/rate-limited')],
    ['an aborted request (signed out)', new DOMException('aborted', 'AbortError')],
    ['a programming error', new TypeError('cannot read properties of undefined')],
  ])('does not send again after %s', async (_what, failure) => {
    const { state, send } = scripted([failure]);
    await expect(sendUntilAnswered(send, pause)).rejects.toBe(failure);
    expect(state.calls).toBe(1);
    expect(answerWasLost(failure)).toBe(false);
  });

  it('pauses at most 4 s, about 30 s over the default ten sends', () => {
    const total = Array.from({ length: 9 }, (_unused, index) => pauseBeforeResend(index + 1)).reduce((a, b) => a + b);
    expect(pauseBeforeResend(20)).toBe(4_000);
    expect(total).toBe(250 + 500 + 1_000 + 2_000 + 4_000 * 5);
  });
});
