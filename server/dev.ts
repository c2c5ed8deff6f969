// `npm run dev`: the API on PORT (8080) with a watching Vite dev server on 5173 proxying /api to it.
import { createServer } from 'vite';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { startServer } from './server';

const DEV_ORIGIN = 'http://localhost:5173';

try {
  const config = loadConfig({ PUBLIC_ORIGIN: DEV_ORIGIN, ...process.env });
  const api = await startServer(config, createLogger(config.logLevel));
  const vite = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
  await vite.listen();
  vite.printUrls();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      void Promise.all([vite.close(), api.shutdown()]).then(() => process.exit(0));
    });
  }
} catch (error) {
  if (!(error instanceof ConfigError)) {
    throw error;
  }
  process.stderr.write(`${error.message}\n`);
  process.exit(2);
}
