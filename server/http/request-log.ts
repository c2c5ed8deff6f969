import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';

declare global {
  namespace Express {
    interface Request {
      /** Correlates the log lines of one request; echoed as `x-request-id`. */
      id: string;
    }
  }
}

/**
 * One structured line per request: id, method, path, status and duration. Never the body, the
 * query string (invitation tokens travel there) or any header (cookies, CSRF tokens).
 */
export const requestLog =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    const started = process.hrtime.bigint();
    req.id = randomUUID();
    res.setHeader('x-request-id', req.id);
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          reqId: req.id,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Math.round(durationMs * 10) / 10,
        },
        'request',
      );
    });
    next();
  };
