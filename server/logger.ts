import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';
import { serializeError } from './safe-error';

/**
 * JSON logs on stdout (or `destination`, for tests that read them). Redaction is a second line of
 * defence: handlers never log bodies or secrets, and every `err` passes `serializeError`.
 */
export const createLogger = (level: Config['logLevel'], destination?: DestinationStream): Logger =>
  pino(
    {
      level,
      base: { service: 'parley' },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: ['*.cookie', '*.authorization', '*.token', '*.password', '*.secret'], censor: '[redacted]' },
    },
    destination,
  );
