import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import { PROBLEMS, type ProblemCode } from '../../shared/schemas/problem';
import { problemBody } from '../problems';

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

const problemOf = (code: string | undefined): { code: ProblemCode; detail: string } => {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { code: 'headersTooLarge', detail: 'The request headers exceed the server limit' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { code: 'requestTimeout', detail: 'The request headers or body did not arrive in time' };
    default:
      return { code: 'badRequest', detail: 'The request is not valid HTTP/1.1' };
  }
};

/**
 * Node's `clientError` handler: a request the HTTP parser refuses (bad Content-Length, both
 * Transfer-Encoding and Content-Length, oversized headers, a timeout) is answered with a problem
 * and the connection closed, instead of Node's bare status line. Nothing of the request is logged.
 */
export const answerClientError =
  (logger: Logger) =>
  (error: Error & { code?: string }, socket: Socket): void => {
    const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    const { code, detail } = problemOf(error.code);
    const { status } = PROBLEMS[code];
    const body = JSON.stringify(problemBody(code, detail));
    logger.info({ code: error.code, status }, 'refused a request the HTTP parser could not read');
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Bad Request'}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Cache-Control: no-store\r\n' +
        'Connection: close\r\n\r\n' +
        body,
    );
  };
