import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { isDatabaseUnavailable } from '../db/connection-errors';
import { PROBLEMS, type Problem, type ProblemCode } from '../shared/schemas/problem';
import { discardUnreadBody } from './http/unread-body';

/** A refusal the API answers with as problem+json. Services throw it; the error middleware sends it. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extra: {
      readonly errors?: Problem['errors'];
      readonly headers?: Record<string, string>;
      /** Extension members, such as the current head on a 409. */
      readonly members?: Record<string, unknown>;
    } = {},
  ) {
    super(detail ?? PROBLEMS[code].title);
  }
}

export const problemBody = (code: ProblemCode, detail?: string, instance?: string): Problem => {
  const { type, title, status } = PROBLEMS[code];
  return { type, title, status, ...(detail ? { detail } : {}), ...(instance ? { instance } : {}) };
};

export const sendProblem = (res: Response, error: ProblemError): void => {
  const body = { ...problemBody(error.code, error.detail, res.req.originalUrl.split('?')[0]), ...error.extra.members };
  if (error.extra.errors) {
    body.errors = error.extra.errors;
  }
  for (const [name, value] of Object.entries(error.extra.headers ?? {})) {
    res.setHeader(name, value);
  }
  res.status(body.status).type('application/problem+json').send(JSON.stringify(body));
};

/** Turns a schema failure into a 400 that names each failing path, never the rejected value. */
export const validationProblem = (error: ZodError, where: string): ProblemError =>
  new ProblemError('validation', `The ${where} does not match its schema`, {
    errors: error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  });

type BodyParserError = Error & { type?: string; status?: number };

const fromBodyParser = (error: BodyParserError): ProblemError | undefined => {
  // The router's decodeURIComponent of a path parameter: `%zz`, a lone `%`, an invalid UTF-8 sequence.
  if (error instanceof URIError || (error.status === 400 && error.message.startsWith('Failed to decode param'))) {
    return new ProblemError('validation', 'A path segment holds a malformed percent-escape');
  }
  switch (error.type) {
    case 'entity.parse.failed':
      return new ProblemError('malformedJson', 'The body could not be parsed as JSON');
    case 'entity.too.large':
      return new ProblemError('payloadTooLarge', 'The body exceeds the size limit for this route');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new ProblemError('unsupportedMediaType', 'Send JSON encoded as UTF-8');
    case 'request.aborted':
    case 'stream.not.readable':
      return new ProblemError('validation', 'The request body was not received completely');
    default:
      return undefined;
  }
};

/** The SQLSTATE of a database error, looking through drizzle's wrapper. */
export const sqlStateOf = (error: unknown): string | undefined => {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * Database refusals that are not the server's fault: text PostgreSQL cannot store (U+0000 in a
 * name, a reference, a JSON string), a duplicate of a unique value (a re-used id), a full disk
 * (PostgreSQL's own, where DISK_RESERVE_MB cannot see it). The transaction has rolled back, so
 * nothing changed.
 */
const fromDatabaseRefusal = (error: unknown): ProblemError | undefined => {
  switch (sqlStateOf(error)) {
    case '22021': // character_not_in_repertoire: U+0000 in text
    case '22P05': // untranslatable_character: \u0000 in jsonb
      return new ProblemError('validation', 'Text may not contain the character U+0000');
    case '53100': // disk_full: PostgreSQL could not extend a file
      return new ProblemError('insufficientStorage', 'The database is out of disk space: writes are paused', {
        headers: { 'Retry-After': '60' },
      });
    case '23505': // unique_violation
      return new ProblemError('conflict', 'An identifier in the request is already in use');
    default:
      return undefined;
  }
};

/** Seconds a client is told to wait while the database is unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

/** The refusal every route gives while the database cannot be reached. */
export const databaseUnavailable = (): ProblemError =>
  new ProblemError('databaseUnavailable', 'The database cannot be reached at the moment', {
    headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_S) },
    members: { database: 'unavailable' },
  });

/** The one error middleware: every failure leaves as problem+json; only our own faults are 500s. */
export const errorMiddleware =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const problem =
      error instanceof ProblemError
        ? error
        : error instanceof ZodError
          ? validationProblem(error, 'request')
          : isDatabaseUnavailable(error)
            ? databaseUnavailable()
            : (fromDatabaseRefusal(error) ??
              (error instanceof Error ? fromBodyParser(error as BodyParserError) : undefined));
    if (problem?.code === 'databaseUnavailable') {
      logger.warn({ err: error, reqId: req.id, path: req.path }, 'database unavailable');
    }
    if (problem) {
      discardUnreadBody(req, res);
      sendProblem(res, problem);
      return;
    }
    logger.error({ err: error, reqId: req.id, path: req.path }, 'unhandled error');
    discardUnreadBody(req, res);
    sendProblem(res, new ProblemError('internal', 'The server failed to handle this request'));
  };
