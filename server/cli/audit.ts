// `npm run audit -- fsck` re-derives and re-verifies the whole log; `export` writes an audit bundle.

import { initCrypto } from '../../shared/crypto/sodium';
import { fsck } from '../audit/fsck';
import { loadLogSigner } from '../log/log-key';
import { CliError, openCliContext, runCli } from './cli-support';
import { progressBar } from './progress-bar';

const USAGE =
  'usage: npm run audit -- fsck | npm run audit -- export --out <file> [--case <id> | --thread <id> | --party <id> | --all] [--ciphertext]';

const runFsck = async () => {
  await initCrypto();
  const context = await openCliContext();
  try {
    const signer = loadLogSigner(context.config);
    const report = await fsck(
      context.database.db,
      { verifierKey: signer.verifierKey, origin: signer.name },
      progressBar('fsck'),
    );
    process.stdout.write(
      `Checked ${report.leaves} leaves (${report.entries} entries, ${report.statements} key statements) against ` +
        `checkpoint ${report.treeSize} and ${report.checkpoints} stored checkpoints, trusting ${signer.verifierKey}\n`,
    );
    if (report.failures.length === 0) {
      process.stdout.write('OK: every leaf, node, checkpoint root, signature and chain link verifies.\n');
      return;
    }
    for (const failure of report.failures) {
      process.stdout.write(`FAIL ${failure.subject}: ${failure.reason}\n`);
    }
    throw new CliError(`${report.failures.length} problem(s) found`, 1);
  } finally {
    await context.database.close();
  }
};

await runCli(async () => {
  const [command] = process.argv.slice(2);
  if (command === 'fsck') {
    await runFsck();
    return;
  }
  throw new CliError(command ? `unknown command "${command}" (${USAGE})` : USAGE);
});
