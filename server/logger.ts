import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';
import { serializeError } from './safe-error';

/**
 * Standard output that never throws: when whoever read it has gone (a supervisor killed, a closed
 * pipe), a write fails with EPIPE, and a log line must not be what stops the server or its
 * shutdown. Lines are then dropped.
 */
const stdoutLines = (): DestinationStream => {
  const out = pino.destination({ dest: 1, sync: true });
  out.on('error', () => undefined);
  return {
    write: (line: string) => {
      try {
        out.write(line);
      } catch {
        // Nobody reads standard output any more.
      }
    },
  };
};

/**
 * JSON logs on stdout (or `destination`, for tests that read them). Redaction is a second line of
 * defence: handlers never log bodies or secrets, and every `err` passes `serializeError`.
 */
export const createLogger = (level: Config['logLevel'], destination: DestinationStream = stdoutLines()): Logger =>
  pino(
    {
      level,
      base: { service: 'parley' },
      serializers: { err: serializeError, error: serializeError },
      redact: { paths: ['*.cookie', '*.authorization', '*.token', '*.password', '*.secret'], censor: '[redacted]' },
    },
    destination,
  );
