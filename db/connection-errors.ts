/**
 * Whether an error means the database could not be reached or dropped the connection, as opposed
 * to refusing a query: the request may succeed unchanged once the database is back.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08'))) {
      return true;
    }
    if (UNREACHABLE_MESSAGES.some((pattern) => pattern.test(current instanceof Error ? current.message : ''))) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
};

/** Socket errors, PostgreSQL's SQLSTATEs for a server shutting down or starting up (class 57P), out of connections, or demoted. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // read_only_sql_transaction: this server was a primary and is now a standby (a failover).
  '25006',
]);

/** What node-postgres says when a connection ends under it or cannot be had in time. */
const UNREACHABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Cannot use a pool after calling end on the pool/,
];
