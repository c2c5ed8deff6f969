const started = performance.now();

/** A progress line on stderr, stamped with the time since the benchmark started. */
export const say = (message: string): void => {
  const seconds = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${seconds} s] ${message}\n`);
};
