import pg from 'pg';

/** Waits this long before listening again after the connection is lost (a restart, a failover). */
const RELISTEN_DELAY_MS = 500;

/**
 * Listens on a PostgreSQL channel on a connection of its own (a pooled one would lose the LISTEN
 * when handed back), re-listening on whichever server `findTarget` names whenever it drops. What
 * was notified while it was away is not replayed: notices are hints, and readers catch up by reading.
 * Returns the function that stops listening.
 */
export const listenOn = (
  findTarget: () => Promise<string>,
  channel: string,
  onPayload: (payload: string) => void,
  onConnectionLost: (error: Error) => void,
): (() => Promise<void>) => {
  let current: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const relisten = (error: Error) => {
    onConnectionLost(error);
    current = undefined;
    if (!stopped && !retry) {
      retry = setTimeout(() => {
        retry = undefined;
        void listen();
      }, RELISTEN_DELAY_MS);
    }
  };

  const listen = async () => {
    let target: string;
    try {
      target = await findTarget();
    } catch (error) {
      // No writable server found: try again later. An empty connection string would not fail but
      // fall back to PGHOST or localhost, listening on whatever database answers there.
      relisten(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (stopped) {
      return;
    }
    const client = new pg.Client({ connectionString: target, keepAlive: true });
    let lost = false;
    const lose = (error: Error) => {
      if (!lost) {
        lost = true;
        void client.end().catch(() => {});
        relisten(error);
      }
    };
    client.on('error', lose);
    client.on('end', () => lose(new Error('Connection terminated: the notice listener was closed')));
    client.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) {
        onPayload(message.payload);
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${pg.escapeIdentifier(channel)}`);
      if (stopped) {
        lost = true;
        await client.end();
        return;
      }
      current = client;
    } catch (error) {
      lose(error instanceof Error ? error : new Error(String(error)));
    }
  };

  void listen();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    const client = current;
    current = undefined;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
    }
  };
};
