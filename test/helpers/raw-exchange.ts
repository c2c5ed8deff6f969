import { connect } from 'node:net';

/** What came back on a raw HTTP/1.1 connection: the parsed reply, or nothing before it closed. */
export type RawExchange =
  | {
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
      /** The reply was cut off by the time limit (an event stream). */
      readonly timedOut: boolean;
    }
  | { readonly status: undefined; readonly error: string };

const dechunk = (raw: Buffer): Buffer => {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset < raw.length) {
    const lineEnd = raw.indexOf('\r\n', offset);
    if (lineEnd < 0) {
      break;
    }
    const size = Number.parseInt(raw.subarray(offset, lineEnd).toString('latin1'), 16);
    if (!Number.isFinite(size) || size === 0) {
      break;
    }
    parts.push(raw.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
};

const parseReply = (raw: Buffer, timedOut: boolean): RawExchange => {
  const headEnd = raw.indexOf('\r\n\r\n');
  if (headEnd < 0) {
    return { status: undefined, error: raw.length === 0 ? 'closed without a reply' : 'incomplete reply head' };
  }
  const [statusLine = '', ...lines] = raw.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1]);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = raw.subarray(headEnd + 4);
  const body = headers['transfer-encoding'] === 'chunked' ? dechunk(rest) : rest;
  return { status, headers, body: body.toString('utf8'), timedOut };
};

/**
 * Writes `request` byte for byte to a fresh connection and reads until the server closes it or
 * `timeoutMs` passes: a client that can send what `fetch` and `http.request` refuse to.
 */
export const rawExchange = (port: number, request: Buffer | string, timeoutMs = 10_000): Promise<RawExchange> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let settled = false;
    const finish = (timedOut: boolean, error?: Error) => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const raw = Buffer.concat(received);
      resolve(error && raw.length === 0 ? { status: undefined, error: error.message } : parseReply(raw, timedOut));
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('end', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('error', (error) => finish(false, error));
    socket.on('connect', () => {
      // A server may answer and close before it has read everything: that is not our error.
      socket.write(request, () => undefined);
    });
  });
