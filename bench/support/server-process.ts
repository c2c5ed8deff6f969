// Forked by `BenchServer.start`: the real Parley server in a process of its own, so that its
// resident memory and CPU profile are the server's alone. Answers the benchmark over IPC.
import { bootstrapAdminInvitation } from '../../test/helpers/sdk-bootstrap';
import { startTestServer } from '../../test/helpers/test-server';
import { Profiler } from './cpu-profile';
import { PeakMemory } from './memory';
import type { ServerOptions, ServerReply, ServerRequest } from './server-child';

const options = JSON.parse(process.env['PARLEY_BENCH_SERVER'] ?? '{}') as ServerOptions;
const server = await startTestServer(options);
const memory = new PeakMemory();
let profiler: Profiler | undefined;

const send = (reply: ServerReply) => process.send?.(reply);

const answer = async (request: ServerRequest): Promise<Omit<ServerReply, 'id'>> => {
  switch (request.type) {
    case 'invite-admin':
      return { invitation: await bootstrapAdminInvitation(server, request.party, request.name) };
    case 'memory-peak':
      return { memory: memory.takePeak() };
    case 'profile-start':
      profiler = new Profiler();
      await profiler.start();
      return {};
    case 'profile-stop': {
      const summary = await profiler?.stop(request.label, request.file);
      profiler = undefined;
      return summary ? { profile: summary } : { error: 'no profile was started' };
    }
    case 'stop':
      memory.stop();
      await server.shutdown();
      return {};
  }
};

process.on('message', (request: ServerRequest) => {
  answer(request).then(
    (reply) => {
      send({ id: request.id, ...reply });
      if (request.type === 'stop') {
        process.disconnect();
      }
    },
    (error: unknown) => {
      const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
      send({
        id: request.id,
        error: `${error instanceof Error ? error.message.split('\n')[0] : String(error)}${cause}`,
      });
    },
  );
});
// The benchmark died without stopping us: close the database cleanly and go.
process.on('disconnect', () => {
  server.shutdown().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
send({ id: 0, ready: { url: server.url, origin: server.origin } });
