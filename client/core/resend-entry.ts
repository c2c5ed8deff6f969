/**
 * Sending one signed entry until the server answers (docs/PROTOCOL.md §4.6). An append whose
 * answer never came back (a failover, a dropped connection, a proxy's 502–504) may have been
 * committed; sealing the draft again would then log it twice. The same signed entry sent again is
 * the same entry: the server answers it with the stored receipt if the first copy was logged, or
 * logs it now. Only an answer that says nothing about the append is a reason to send again.
 */
import { ApiProblem } from '../../shared/api/client';

/** How many times one signed entry is sent before its sender gives up. */
export const DEFAULT_SENDS = 10;

/** Whether a failed send left its fate unknown: the server or a proxy in front of it said nothing about it. */
export const answerWasLost = (error: unknown): boolean => {
  if (error instanceof ApiProblem) {
    return error.problem.status === 502 || error.problem.status === 503 || error.problem.status === 504;
  }
  // fetch rejects with a TypeError when the connection fails; an abort (sign-out) is no lost answer.
  return error instanceof TypeError && /fetch/i.test(error.message);
};

/** The pause before send number `send` + 1: 0.25 s doubling to at most 4 s (about 30 s over ten sends). */
export const pauseBeforeResend = (send: number): number => Math.min(250 * 2 ** (send - 1), 4_000);

/**
 * Calls `send` until it answers or fails with something other than a lost answer, at most `sends`
 * times, pausing between sends; rethrows the last lost answer when the sends run out.
 */
export const sendUntilAnswered = async <T>(
  send: () => Promise<T>,
  pause: (ms: number) => Promise<void>,
  sends: number = DEFAULT_SENDS,
  onResend: (send: number, error: unknown) => void = () => undefined,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!answerWasLost(error) || attempt >= sends) {
        throw error;
      }
      onResend(attempt, error);
      await pause(pauseBeforeResend(attempt));
    }
  }
};
