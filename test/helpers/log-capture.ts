import { CeremonyLimits } from '../../server/auth/ceremony-limits';
import { RateLimiter } from '../../server/auth/rate-limit';

/** One parsed server log line. */
export type LogLine = Record<string, unknown> & { readonly msg?: string };

/**
 * Where a test server writes its log lines (the production logger, at `trace`), so a test can
 * read every line the server wrote: what an operator's log store would hold.
 */
export class LogCapture {
  readonly #lines: string[] = [];

  /** pino's destination interface: one JSON line per call. */
  write(line: string): void {
    this.#lines.push(line);
  }

  /** Everything written so far, as the raw text of the log. */
  get text(): string {
    return this.#lines.join('');
  }

  /** The number of lines written so far: a mark to read only what follows. */
  get mark(): number {
    return this.#lines.length;
  }

  /** The lines written since `mark`, parsed. */
  since(mark: number): LogLine[] {
    return this.#lines.slice(mark).map((line) => JSON.parse(line) as LogLine);
  }
}

/** Ceremony limits no test reaches, for tests that run many ceremonies from one address. */
export const generousCeremonyLimits = (): CeremonyLimits =>
  new CeremonyLimits(
    new RateLimiter(100_000, 60_000),
    new RateLimiter(100_000, 60_000),
    new RateLimiter(100_000, 60_000),
  );
