/** An error as the log may hold it: what failed and where, never the data it failed on. */
export type SafeError = {
  readonly type: string;
  readonly message: string;
  readonly code?: string;
  readonly stack?: string;
  readonly cause?: SafeError;
};

const MESSAGE_LIMIT = 300;

const truncate = (text: string, limit: number): string =>
  text.length > limit ? `${text.slice(0, limit)}… (${text.length} characters)` : text;

/**
 * pino's `err` serializer. drizzle's query errors carry every bound parameter (ciphertext, tokens)
 * in their message and `params`; node-postgres attaches the whole client, cancel key included, to
 * a connection error, and its `detail` echoes the conflicting values. Only the type, the SQLSTATE or
 * errno code, a bounded message and our own stack survive; a drizzle error keeps its SQL text,
 * which has placeholders, not values.
 */
export const serializeError = (error: unknown, depth = 0): SafeError | unknown => {
  if (!(error instanceof Error)) {
    return typeof error === 'string' ? truncate(error, MESSAGE_LIMIT) : { type: typeof error };
  }
  const code = (error as { code?: unknown }).code;
  const query = (error as { query?: unknown }).query;
  const isQueryError = error.name === 'DrizzleQueryError' || (typeof query === 'string' && 'params' in error);
  const message = isQueryError && typeof query === 'string' ? `Failed query: ${query}` : error.message;
  const cause = (error as { cause?: unknown }).cause;
  return {
    type: error.constructor?.name ?? error.name,
    message: truncate(message, isQueryError ? 1_000 : MESSAGE_LIMIT),
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    // A stack's first line repeats the message, so a query error's would leak its parameters.
    ...(error.stack && !isQueryError ? { stack: truncate(error.stack, 4_000) } : {}),
    ...(cause !== undefined && depth < 3 ? { cause: serializeError(cause, depth + 1) as SafeError } : {}),
  };
};
