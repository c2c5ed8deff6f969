import { createServer, type Server } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listenOn } from './listen';

describe('the notice listener when no writable server is found', () => {
  let decoy: Server;
  let connections = 0;
  const saved = { host: process.env['PGHOST'], port: process.env['PGPORT'] };

  beforeEach(async () => {
    // Where pg's defaults would lead an empty connection string: it must never be dialled.
    connections = 0;
    decoy = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
    const address = decoy.address();
    process.env['PGHOST'] = '127.0.0.1';
    process.env['PGPORT'] = String(typeof address === 'object' && address ? address.port : 0);
  });

  afterEach(async () => {
    for (const [name, value] of [
      ['PGHOST', saved.host],
      ['PGPORT', saved.port],
    ] as const) {
      if (value === undefined) {
        delete process.env[name];
      } else {
        process.env[name] = value;
      }
    }
    await new Promise((resolve) => decoy.close(resolve));
  });

  it('reports the failure and tries again later, connecting nowhere meanwhile', async () => {
    const lost: Error[] = [];
    let findings = 0;
    let twice: () => void = () => undefined;
    const triedTwice = new Promise<void>((resolve) => {
      twice = resolve;
    });
    const stop = listenOn(
      async () => {
        findings += 1;
        throw new Error('no writable server among 2 hosts');
      },
      'parley_notices',
      () => undefined,
      (error) => {
        lost.push(error);
        if (lost.length === 2) {
          twice();
        }
      },
    );
    await triedTwice;
    await stop();
    expect(findings).toBeGreaterThanOrEqual(2);
    expect(lost.map((error) => error.message)).toEqual([
      'no writable server among 2 hosts',
      'no writable server among 2 hosts',
    ]);
    expect(connections).toBe(0);
  });
});
