import type { Request, Response } from 'express';

/** How much of a refused request's unread body is read and discarded before the socket is cut. */
const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;
const DISCARD_TIMEOUT_MS = 30_000;

/**
 * A refusal sent before the body was read (401 on an upload, 413, 507) must still reach the
 * client: were the connection closed while the client is still sending, its TCP stack would answer
 * the rest with a reset, and many clients then lose the reply. So the rest of the body is read and
 * discarded, up to a bound and a time, and the connection is not reused; past the bound the
 * socket is cut (the reply has been sent by then).
 */
export const discardUnreadBody = (req: Request, res: Response): void => {
  if (req.complete || req.readableEnded) {
    return;
  }
  res.setHeader('Connection', 'close');
  let discarded = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, DISCARD_TIMEOUT_MS);
  timer.unref();
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > DISCARD_LIMIT_BYTES) {
      cut();
    }
  });
  req.once('end', () => clearTimeout(timer));
  req.once('close', () => clearTimeout(timer));
  req.unpipe();
  req.resume();
};
