/**
 * An operator under test control that shows different people different servers: one address
 * (the deployment's public origin) in front of several backends, forwarding each request to the
 * backend currently chosen. Two backends over copies of one database, signing with one log key,
 * are a log that shows two parties two histories after a common past.
 */
import { createServer, request, type Server } from 'node:http';
import { freePort } from './ports';

export type ViewSwitchProxy = {
  readonly url: string;
  /** The backend (by base URL) every following request goes to. */
  show(backendUrl: string): void;
  stop(): Promise<void>;
};

/** Starts the proxy on a free port of 127.0.0.1; its public origin is `http://localhost:<port>`. */
export const startViewSwitchProxy = async (): Promise<ViewSwitchProxy & { readonly origin: string }> => {
  const port = await freePort();
  let target: URL | undefined;
  const server: Server = createServer((incoming, outgoing) => {
    if (target === undefined) {
      outgoing.writeHead(503).end();
      return;
    }
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.headersSent || outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    origin: `http://localhost:${port}`,
    show: (backendUrl) => {
      target = new URL(backendUrl);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
