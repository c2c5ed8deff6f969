import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { CEREMONY_BODY_LIMIT, CEREMONY_ROUTES, CeremonyLimits } from './auth/ceremony-limits';
import { createGatekeeper } from './auth/gatekeeper';
import { RATE_WINDOWS_SECRET_LABEL } from './auth/shared-rate-limit';
import type { ServerContext } from './context';
import { apiRouter } from './http/api-router';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { type StorageMonitor, storageGuard } from './http/storage-guard';
import type { TransparencyLog } from './log/transparency-log';
import { errorMiddleware, ProblemError } from './problems';
import { auditHandlers } from './routes/audit';
import { directoryHandlers } from './routes/directory';
import { entryHandlers } from './routes/entries';
import { healthHandlers } from './routes/health';
import { keyHandlers } from './routes/keys';
import { logHandlers } from './routes/log';
import { recoveryHandlers } from './routes/recovery';
import { sessionHandlers } from './routes/session';
import { vaultHandlers } from './routes/vault';
import { assertAuthor } from './services/entries/author-scope';
import { entryNoticesFor } from './services/entries/entry-notices';
import { LiveEvents } from './services/entries/live-events';
import { assertStreamReader } from './services/entries/read-entries';
import { KeyDirectory } from './services/key-directory';
import type { CosignatureCollector } from './witness-collector/cosignature-collector';

export type AppDependencies = {
  readonly context: ServerContext;
  readonly version: string;
  readonly log: TransparencyLog;
  /** Serves checkpoints with the witness cosignatures collected for them. */
  readonly cosignatures?: CosignatureCollector;
  readonly limits?: CeremonyLimits;
  /** Watches free space under the embedded database; absent on PostgreSQL, whose disk is elsewhere. */
  readonly storage?: StorageMonitor | undefined;
};

/** Largest JSON body any route accepts; attachments stream through their own routes. */
export const JSON_BODY_LIMIT = '2mb';

const CLIENT_DIST = fileURLToPath(new URL('../client/dist', import.meta.url));

/**
 * Builds the Express application (API, built client, the one error middleware) and the handle
 * that ends long-lived event streams at shutdown.
 */
export const createApp = ({ context, version, log, cosignatures, limits, storage }: AppDependencies) => {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', context.config.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestLog(context.logger));
  app.use(securityHeaders(context.config.publicOrigin.startsWith('https:')));
  app.use('/api', noStore);
  const directory = new KeyDirectory(log);
  const notices = entryNoticesFor(context.database, context.logger);
  const live = new LiveEvents(context, notices);
  app.use(recheckLiveSessionsAfter(live));
  if (storage) {
    app.use('/api', storageGuard(storage));
  }
  const rateKeySecret = log.signer.deriveSecret(RATE_WINDOWS_SECRET_LABEL);
  const ceremonyLimits = limits ?? CeremonyLimits.fromConfig(context.config, context.database, rateKeySecret);
  const gatekeeper = createGatekeeper(context, {
    'stream-reader': (caller, input) =>
      assertStreamReader(context.database.db, caller, String(input.params['streamId'])),
    'entry-author': async (caller, input) => assertAuthor(caller, input.body),
  });
  app.use(
    apiRouter({
      implementations: [
        ...healthHandlers(context.database, version),
        ...keyHandlers(context, directory, ceremonyLimits),
        ...sessionHandlers(context, ceremonyLimits),
        ...recoveryHandlers(context, ceremonyLimits),
        ...vaultHandlers(context, ceremonyLimits),
        ...directoryHandlers(context, directory),
        ...logHandlers(context, log, cosignatures),
        ...entryHandlers(context, log, notices, live, storage),
        ...auditHandlers(context, log),
      ],
      gatekeeper,
      jsonLimitOf: (route) => (CEREMONY_ROUTES.has(route) ? CEREMONY_BODY_LIMIT : JSON_BODY_LIMIT),
      beforeAdmit: async (route, req) => {
        if (CEREMONY_ROUTES.has(route)) {
          await ceremonyLimits.admit(req);
        }
      },
    }),
  );
  serveClient(app);
  app.use((req, _res, next) => next(new ProblemError('notFound', `Nothing at ${req.method} ${req.path}`)));
  app.use(errorMiddleware(context.logger));
  return { app, closeLiveConnections: () => live.closeAll(), stopNotices: () => notices.close() };
};

/** API replies are per person (the session reply holds the anti-forgery token): never cached. */
const noStore: express.RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Writes after which a session may have ended: sign-out, revocation, a key statement. */
const SESSION_ENDING =
  /^(DELETE \/api\/session|POST \/api\/session\/sign-out-everywhere|POST \/api\/people\/[^/]+\/revoke|POST \/api\/keys\/statements)$/;

/** Ends the event streams of sessions that a successful write just ended, without waiting for a heartbeat. */
const recheckLiveSessionsAfter =
  (live: LiveEvents): express.RequestHandler =>
  (req, res, next) => {
    if (SESSION_ENDING.test(`${req.method} ${req.path}`)) {
      res.once('finish', () => {
        if (res.statusCode < 300) {
          void live.recheckSessions();
        }
      });
    }
    next();
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
