// The JSON body parser of every API route that takes one: the raw bytes, then strict UTF-8 and
// Parley's JSON rules (docs/PROTOCOL.md §1.5) from shared/encoding, the same readers the clients
// and the offline verifier use. `express.json` would repair invalid UTF-8, keep the last of two
// members with one name and hand on an own `__proto__` member, which a schema may then drop.

import express, { type RequestHandler } from 'express';
import { formatJsonPath } from '../../shared/encoding/json-rules';
import { readJsonText } from '../../shared/encoding/json-text';
import { decodeStrictUtf8 } from '../../shared/encoding/strict-utf8';
import { ProblemError } from '../problems';

const CHARSET = /;\s*charset\s*=\s*"?([^";\s]*)"?/i;

/** Refuses a declared charset other than UTF-8, as `express.json` did. */
const requireUtf8: RequestHandler = (req, _res, next) => {
  const charset = CHARSET.exec(req.headers['content-type'] ?? '')?.[1]?.toLowerCase();
  next(
    charset === undefined || charset === 'utf-8' || charset === 'utf8'
      ? undefined
      : new ProblemError('unsupportedMediaType', 'Send JSON encoded as UTF-8'),
  );
};

const parseBody: RequestHandler = (req, _res, next) => {
  const bytes: unknown = req.body;
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
    next(new ProblemError('malformedJson', 'The body is empty'));
    return;
  }
  const text = decodeStrictUtf8(bytes);
  if (!text.ok) {
    next(new ProblemError('malformedJson', 'The body is not valid UTF-8'));
    return;
  }
  const reading = readJsonText(text.text);
  if (!reading.ok) {
    next(new ProblemError('malformedJson', 'The body could not be parsed as JSON'));
    return;
  }
  if (reading.violations.length > 0) {
    next(
      new ProblemError('validation', "The body breaks Parley's JSON rules (docs/PROTOCOL.md §1.5)", {
        errors: reading.violations.map(({ path, reason }) => ({
          path: path.length === 0 ? 'body' : `body.${formatJsonPath(path)}`,
          message: reason,
        })),
      }),
    );
    return;
  }
  req.body = reading.value;
  next();
};

/** The handlers that read a JSON body of at most `limit` (an `express.raw` size such as `'2mb'`). */
export const strictJsonBody = (limit: string): RequestHandler[] => [
  requireUtf8,
  express.raw({ limit, type: 'application/json' }),
  parseBody,
];
