// `npm run audit -- fsck` re-derives and re-verifies the whole log; `export` writes an audit bundle.

import { createWriteStream, readFileSync, renameSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import type { BundleScope } from '../../shared/audit/bundle';
import { initCrypto } from '../../shared/crypto/sodium';
import { Uuid } from '../../shared/schemas/common';
import { type BundleCounts, type BundleRequest, bundleChunks, planBundle } from '../audit/export-bundle';
import { fsck } from '../audit/fsck';
import { loadLogSigner } from '../log/log-key';
import { TransparencyLog } from '../log/transparency-log';
import { ProblemError } from '../problems';
import { CliError, openCliContext, runCli } from './cli-support';
import { progressBar } from './progress-bar';

const EXPORT_USAGE =
  'npm run audit -- export --out <file> (--case <id> | --thread <id> | --party <id> | --all) [--ciphertext] ' +
  '[--leaves auto|yes|no] [--checkpoints <size>,<size>…]';
const FSCK_USAGE = 'npm run audit -- fsck [--trusted-checkpoint <file>]…';
const USAGE = `usage: ${FSCK_USAGE} | ${EXPORT_USAGE}`;

/** The checkpoint notes named by `--trusted-checkpoint`: seen elsewhere, the stored log must extend them. */
const readTrustedCheckpoints = (args: string[]): string[] => {
  let files: string[];
  try {
    const options = { 'trusted-checkpoint': { type: 'string', multiple: true } } as const;
    files = parseArgs({ args, options, strict: true }).values['trusted-checkpoint'] ?? [];
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('. ')[0]} (usage: ${FSCK_USAGE})`);
  }
  return files.map((file) => {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read error'}`);
    }
  });
};

const runFsck = async (args: string[]) => {
  const trusted = readTrustedCheckpoints(args);
  await initCrypto();
  const context = await openCliContext();
  try {
    const signer = loadLogSigner(context.config);
    const report = await fsck(
      context.database.db,
      { verifierKey: signer.verifierKey, origin: signer.name },
      progressBar('fsck'),
      trusted,
      context.config.dataDir,
    );
    process.stdout.write(
      `Checked ${report.leaves} leaves (${report.entries} entries, ${report.statements} key statements) against ` +
        `checkpoint ${report.treeSize} and ${report.checkpoints} stored checkpoints, trusting ${signer.verifierKey}; ` +
        `${report.attachments} attachments re-read\n`,
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

const EXPORT_OPTIONS = {
  out: { type: 'string' },
  case: { type: 'string' },
  thread: { type: 'string' },
  party: { type: 'string' },
  all: { type: 'boolean' },
  ciphertext: { type: 'boolean' },
  leaves: { type: 'string' },
  checkpoints: { type: 'string' },
} as const;

const LEAVES = { auto: 'auto', yes: 'always', no: 'never' } as const;

/** Reads the export arguments, refusing anything off (exit 2) before the database is opened. */
const parseExport = (args: string[]): { out: string; request: BundleRequest } => {
  let values: ReturnType<typeof parseArgs<{ options: typeof EXPORT_OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args, options: EXPORT_OPTIONS, strict: true }));
  } catch (error) {
    // node:util's messages go on to explain '--' at length; the first sentence says what is wrong.
    throw new CliError(`${(error as Error).message.split('. ')[0]} (usage: ${EXPORT_USAGE})`);
  }
  if (!values.out) {
    throw new CliError(`--out <file> is required (usage: ${EXPORT_USAGE})`);
  }
  const kinds = (['case', 'thread', 'party'] as const).filter((kind) => values[kind] !== undefined);
  if (kinds.length + (values.all ? 1 : 0) !== 1) {
    throw new CliError(`give exactly one of --case, --thread, --party or --all (usage: ${EXPORT_USAGE})`);
  }
  let scope: BundleScope = { kind: 'log' };
  const [kind] = kinds;
  if (kind) {
    const id = Uuid.safeParse(values[kind]);
    if (!id.success) {
      throw new CliError(`--${kind} must be a lower-case UUID, not ${JSON.stringify(values[kind])}`);
    }
    scope = { kind, id: id.data };
  }
  const leaves = LEAVES[(values.leaves ?? 'auto') as keyof typeof LEAVES];
  if (!leaves) {
    throw new CliError('--leaves must be auto, yes or no');
  }
  const checkpoints = values.checkpoints?.split(',').map(Number);
  if (checkpoints?.some((size) => !Number.isSafeInteger(size) || size < 1)) {
    throw new CliError('--checkpoints must be tree sizes (positive integers), comma-separated');
  }
  return {
    out: values.out,
    request: { scope, ciphertext: values.ciphertext === true, leaves, ...(checkpoints ? { checkpoints } : {}) },
  };
};

const describeScope = (scope: BundleScope): string =>
  scope.kind === 'log' ? 'the whole log' : `${scope.kind} ${scope.id}`;

const runExport = async (args: string[]) => {
  const { out, request } = parseExport(args);
  await initCrypto();
  const context = await openCliContext();
  const partial = `${out}.partial`;
  try {
    const log = new TransparencyLog(loadLogSigner(context.config));
    const db = context.database.db;
    const plan = await planBundle(db, log, request).catch((error: unknown) => {
      throw error instanceof ProblemError ? new CliError(error.message) : error;
    });
    const counts: BundleCounts = { statements: 0, entries: 0, ciphertexts: 0, leaves: 0 };
    let unproven = 0;
    const chunks = bundleChunks(db, plan, { counts, onMissing: () => (unproven += 1) });
    // Written aside and renamed at the end: a failed export never leaves a file that looks whole.
    await pipeline(Readable.from(chunks), createWriteStream(partial)).catch((error: NodeJS.ErrnoException) => {
      throw error.syscall === 'open' ? new CliError(`cannot write ${out}: ${error.code ?? error.message}`) : error;
    });
    renameSync(partial, out);
    const anchor = plan.checkpoints.at(-1)?.treeSize ?? 0;
    process.stdout.write(
      `Wrote ${out}: ${describeScope(request.scope)}, ${counts.entries} entries (${counts.ciphertexts} with ciphertext), ` +
        `${counts.statements} key statements, ${plan.checkpoints.length} checkpoints up to tree size ${anchor}` +
        `${plan.withLeaves ? `, ${counts.leaves} leaves` : ', no leaf list'}\n` +
        `Verify it with: npm run verify -- ${out} --log-key '${log.signer.verifierKey}'\n`,
    );
    if (unproven > 0) {
      process.stderr.write(
        `warning: the stored log could not prove ${unproven} record(s) or checkpoint(s); they carry empty proofs, run fsck\n`,
      );
    }
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await context.database.close();
  }
};

await runCli(async () => {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'fsck') {
    await runFsck(rest);
    return;
  }
  if (command === 'export') {
    await runExport(rest);
    return;
  }
  throw new CliError(command ? `unknown command "${command}" (${USAGE})` : USAGE);
});
