// `npm run witness -- keygen --name <witness name> --key-file <path>` writes a new witness key and
// prints its verifier key (what parties pin); `npm run witness -- verifier-key --key-file <path>`
// prints it again; `npm run witness -- serve --key-file <path> --state <file> --log-key <log
// verifier key>… [--listen host:port]` runs a C2SP tlog-witness (docs/PROTOCOL.md §9.3).
// Bad input: one line on stderr and exit 2.

import { parseArgs } from 'node:util';
import { initCrypto } from '../../shared/crypto/sodium';
import { parseVerifierKey, type VerifierKey } from '../../shared/log/verifier-key';
import { formatCosignerKey } from '../../shared/witness/cosigner-key';
import { createWitnessServer } from '../witness/witness-http';
import { loadWitnessKey, writeNewWitnessKey } from '../witness/witness-key-file';
import { Witness } from '../witness/witness-service';
import { CliError, runCli } from './cli-support';

const USAGE =
  'usage: npm run witness -- keygen --name <name> --key-file <path> | verifier-key --key-file <path> | serve --key-file <path> --state <file> --log-key <verifier key>… [--listen host:port]';

const OPTIONS = {
  name: { type: 'string' },
  'key-file': { type: 'string' },
  state: { type: 'string' },
  'log-key': { type: 'string', multiple: true },
  listen: { type: 'string' },
} as const;

const parse = (argv: readonly string[]) => {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message.split(/\.\s/)[0]} (${USAGE})`);
  }
};

const required = (value: string | undefined, flag: string): string => {
  if (value === undefined || value === '') {
    throw new CliError(`--${flag} is required (${USAGE})`);
  }
  return value;
};

const loadKey = (path: string) => {
  try {
    return loadWitnessKey(path);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
};

const parseLogKeys = (texts: readonly string[]): Map<string, VerifierKey> => {
  if (texts.length === 0) {
    throw new CliError(
      `--log-key is required at least once: the verifier key of each log this witness cosigns (${USAGE})`,
    );
  }
  const logs = new Map<string, VerifierKey>();
  for (const text of texts) {
    const parsed = parseVerifierKey(text);
    if (!parsed.ok) {
      throw new CliError(`--log-key ${JSON.stringify(text.slice(0, 80))}: ${parsed.reason}`);
    }
    if (logs.has(parsed.key.name)) {
      throw new CliError(`--log-key names the log ${parsed.key.name} twice`);
    }
    logs.set(parsed.key.name, parsed.key);
  }
  return logs;
};

const parseListen = (text = '127.0.0.1:7380'): { host: string; port: number } => {
  const colon = text.lastIndexOf(':');
  const port = Number(text.slice(colon + 1));
  if (colon < 1 || !/^[0-9]{1,5}$/.test(text.slice(colon + 1)) || port > 65535) {
    throw new CliError(`--listen must be host:port, not ${JSON.stringify(text)}`);
  }
  return { host: text.slice(0, colon), port };
};

const serve = async (values: ReturnType<typeof parse>['values']): Promise<void> => {
  const signer = loadKey(required(values['key-file'], 'key-file'));
  const logs = parseLogKeys(values['log-key'] ?? []);
  const { host, port } = parseListen(values.listen);
  await initCrypto();
  let witness: Witness;
  try {
    witness = new Witness(signer, logs, required(values.state, 'state'));
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const server = createWitnessServer(witness, (error) =>
    process.stderr.write(`witness error: ${error instanceof Error ? error.message : String(error)}\n`),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new CliError(`cannot listen on ${host}:${port}: ${error.code}`)),
    );
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const bound = typeof address === 'object' && address !== null ? address.port : port;
  process.stdout.write(`witness ${formatCosignerKey(signer.key)} listening on http://${host}:${bound}\n`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
};

await runCli(async () => {
  const { values, positionals } = parse(process.argv.slice(2));
  const [command, ...extra] = positionals;
  if (extra.length > 0) {
    throw new CliError(`unexpected arguments ${extra.join(' ')} (${USAGE})`);
  }
  if (command === 'keygen') {
    let signer: ReturnType<typeof writeNewWitnessKey>;
    try {
      signer = writeNewWitnessKey(required(values['key-file'], 'key-file'), required(values.name, 'name'));
    } catch (error) {
      throw error instanceof CliError ? error : new CliError((error as Error).message);
    }
    process.stdout.write(`verifier key: ${formatCosignerKey(signer.key)}\n`);
  } else if (command === 'verifier-key') {
    process.stdout.write(`verifier key: ${formatCosignerKey(loadKey(required(values['key-file'], 'key-file')).key)}\n`);
  } else if (command === 'serve') {
    await serve(values);
  } else {
    throw new CliError(command === undefined ? USAGE : `unknown command ${command} (${USAGE})`);
  }
});
