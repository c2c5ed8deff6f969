/**
 * The operator's way in while the server holds the embedded database (PGlite allows one process):
 * an HTTP server on the Unix socket `DATA_DIR/admin.sock`, mode 0600 inside the 0700 data
 * directory, so only the account that runs Parley (who could open the database anyway) reaches
 * it. It answers exactly what `npm run admin` would do on its own: `invite` and `log-key`.
 */
import { chmodSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { ServerContext } from './context';
import type { LogSigner } from './log/log-key';
import {
  type FirstAdminRequest,
  inviteFirstAdmin,
  logKeyText,
  OperatorCommandError,
} from './services/operator-commands';

export const ADMIN_SOCKET = 'admin.sock';
/** A bootstrap request is three short strings. */
const MAX_BODY_BYTES = 4_096;

const readBody = async (req: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY_BYTES) {
      throw new OperatorCommandError('the request is too long');
    }
  }
  return body;
};

const answer = (res: ServerResponse, status: number, text: string) => {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
};

/** Listens on `DATA_DIR/admin.sock`; returns the function that stops listening and removes it. */
export const startAdminSocket = async (context: ServerContext, signer: LogSigner): Promise<() => Promise<void>> => {
  const path = join(context.config.dataDir, ADMIN_SOCKET);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    try {
      if (req.method === 'POST' && req.url === '/invite') {
        let request: FirstAdminRequest;
        try {
          request = JSON.parse(await readBody(req)) as FirstAdminRequest;
        } catch (error) {
          throw error instanceof OperatorCommandError ? error : new OperatorCommandError('the request is not JSON');
        }
        answer(res, 200, await inviteFirstAdmin(context, signer, request ?? {}));
      } else if (req.method === 'GET' && req.url === '/log-key') {
        answer(res, 200, await logKeyText(context, signer));
      } else {
        answer(res, 404, `no such command: ${req.method} ${req.url}\n`);
      }
    } catch (error) {
      if (error instanceof OperatorCommandError) {
        answer(res, 400, `${error.message}\n`);
        return;
      }
      context.logger.error({ err: error }, 'admin command failed');
      answer(res, 500, 'the command failed: see the server log\n');
    }
  };
  const server = createServer((req, res) => void handle(req, res));
  // Only this server holds the data directory's lock, so a socket left there is a dead one's.
  rmSync(path, { force: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(path, { force: true });
  };
};
