import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { Logger } from 'pino';
import type { Database } from '../db/client';
import type { Config } from './config';
import { apiRouter, type Gatekeeper } from './http/api-router';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { errorMiddleware, ProblemError } from './problems';
import { healthHandlers } from './routes/health';

export type AppDependencies = {
  readonly config: Config;
  readonly database: Database;
  readonly logger: Logger;
  readonly version: string;
  readonly gatekeeper: Gatekeeper;
};

/** Largest JSON body any route accepts; attachments stream through their own routes. */
export const JSON_BODY_LIMIT = '2mb';

const CLIENT_DIST = fileURLToPath(new URL('../client/dist', import.meta.url));

/** Builds the Express application: API, built client and the one error middleware. */
export const createApp = (deps: AppDependencies): express.Express => {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');
  app.use(requestLog(deps.logger));
  app.use(securityHeaders(deps.config.publicOrigin.startsWith('https:')));
  app.use(
    apiRouter({
      implementations: [...healthHandlers(deps.database, deps.version)],
      gatekeeper: deps.gatekeeper,
      jsonLimit: JSON_BODY_LIMIT,
    }),
  );
  serveClient(app);
  app.use((req, _res, next) => next(new ProblemError('notFound', `Nothing at ${req.method} ${req.path}`)));
  app.use(errorMiddleware(deps.logger));
  return app;
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
