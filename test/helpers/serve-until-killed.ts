// The real server in a process of its own, on the port and database given as JSON in argv[2];
// prints READY once it listens, then serves until it is killed (the crash tests send SIGKILL).
import { startTestServer } from './test-server';

const options = JSON.parse(process.argv[2] ?? '{}') as { dataDir: string; databaseUrl?: string; port: number };
await startTestServer(options);
process.stdout.write('READY\n');
