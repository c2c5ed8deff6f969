import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { CeremonyLimits } from './auth/ceremony-limits';
import { createGatekeeper } from './auth/gatekeeper';
import type { ServerContext } from './context';
import { apiRouter } from './http/api-router';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import type { TransparencyLog } from './log/transparency-log';
import { errorMiddleware, ProblemError } from './problems';
import { auditHandlers } from './routes/audit';
import { directoryHandlers } from './routes/directory';
import { entryHandlers } from './routes/entries';
import { healthHandlers } from './routes/health';
import { keyHandlers } from './routes/keys';
import { logHandlers } from './routes/log';
import { sessionHandlers } from './routes/session';
import { vaultHandlers } from './routes/vault';
import { assertAuthor } from './services/entries/author-scope';
import { EntryNotices } from './services/entries/entry-notices';
import { LiveEvents } from './services/entries/live-events';
import { assertStreamReader } from './services/entries/read-entries';
import { KeyDirectory } from './services/key-directory';

export type AppDependencies = {
  readonly context: ServerContext;
  readonly version: string;
  readonly log: TransparencyLog;
  readonly limits?: CeremonyLimits;
};

/** Largest JSON body any route accepts; attachments stream through their own routes. */
export const JSON_BODY_LIMIT = '2mb';

const CLIENT_DIST = fileURLToPath(new URL('../client/dist', import.meta.url));

/**
 * Builds the Express application (API, built client, the one error middleware) and the handle
 * that ends long-lived event streams at shutdown.
 */
export const createApp = ({ context, version, log, limits = new CeremonyLimits() }: AppDependencies) => {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  app.use(requestLog(context.logger));
  app.use(securityHeaders(context.config.publicOrigin.startsWith('https:')));
  const directory = new KeyDirectory(log);
  const notices = new EntryNotices();
  const live = new LiveEvents(context, notices);
  const gatekeeper = createGatekeeper(context, {
    'stream-reader': (caller, input) =>
      assertStreamReader(context.database.db, caller, String(input.params['streamId'])),
    'entry-author': async (caller, input) => assertAuthor(caller, input.body),
  });
  app.use(
    apiRouter({
      implementations: [
        ...healthHandlers(context.database, version),
        ...keyHandlers(context, directory, limits),
        ...sessionHandlers(context, limits),
        ...vaultHandlers(context, limits),
        ...directoryHandlers(context, directory),
        ...logHandlers(context, log),
        ...entryHandlers(context, log, notices, live),
        ...auditHandlers(context, log),
      ],
      gatekeeper,
      jsonLimit: JSON_BODY_LIMIT,
    }),
  );
  serveClient(app);
  app.use((req, _res, next) => next(new ProblemError('notFound', `Nothing at ${req.method} ${req.path}`)));
  app.use(errorMiddleware(context.logger));
  return { app, closeLiveConnections: () => live.closeAll() };
};

/** Serves the built React client, with its routes falling back to `index.html`. */
const serveClient = (app: express.Express): void => {
  const index = `${CLIENT_DIST}/index.html`;
  app.use(express.static(CLIENT_DIST, { index: false, fallthrough: true, maxAge: '1h', immutable: false }));
  app.get(/^\/(?!api\/).*/, (_req, res) => {
    if (!existsSync(index)) {
      res.status(404).type('text/plain').send('The client is not built: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
};
