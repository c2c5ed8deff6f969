// Writes one party, prints `ACK <id>` once the commit is acknowledged, then waits to be killed.
import { openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { parties } from '../../db/schema/index';

const [dataDir, id] = process.argv.slice(2);
if (!dataDir || !id) {
  throw new Error('usage: write-then-hang <dataDir> <id>');
}
const database = await openDatabase({ dataDir });
await migrateDatabase(database);
await database.transaction((tx) => tx.insert(parties).values({ id, name: `Killed ${id}` }));
process.stdout.write(`ACK ${id}\n`);
setInterval(() => {}, 60_000);
