// `npm run verify -- bundle.json --log-key <verifier key> [--origin <origin>] [--legacy-before <n>]`
// verifies an audit bundle offline, trusting only the pinned log key and, for a deployment made
// before party roots, its pinned legacy boundary (docs/AUDIT-BUNDLE.md §6). It needs no server and
// no database: it imports only shared/, which is pure.
//
// Exit 0: everything verifies. Exit 1: the bundle was read and something fails; each failure is
// listed, a record that breaks a JSON rule included (§4, step 1). Exit 2: the file is not UTF-8,
// not JSON or not a bundle, or the arguments are wrong (one line on stderr). Exit 3: an unexpected
// internal error, never the answer to any input (one line on stderr).

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { AuditBundleEnvelope } from '../../shared/audit/bundle';
import {
  type BundleVerification,
  type VerifyBundleOptions,
  verifyBundleReading,
  verifyBundleText,
} from '../../shared/audit/verify-bundle';
import { initCrypto } from '../../shared/crypto/sodium';
import { readJsonText } from '../../shared/encoding/json-text';
import { decodeStrictUtf8 } from '../../shared/encoding/strict-utf8';
import { parseVerifierKey } from '../../shared/log/verifier-key';
import { type PinnedWitness, parseWitnessPins, type WitnessPolicy } from '../../shared/witness/witness-policy';
import { SignaturePool } from './signature-pool';
import { verifyOnAllCores } from './verify-on-all-cores';
import { reportWitnessing } from './verify-witnesses';

const USAGE =
  'usage: npm run verify -- <bundle.json> --log-key <verifier key> [--origin <origin>] [--legacy-before <n>] [--trusted-checkpoint <file>]… [--witness-key [<party>=]<witness key>]… [--witness-policy stream-members|each-party|<n>]';

/** A refusal before verification: one line on stderr and exit code 2. */
class InputError extends Error {}

type Arguments = {
  readonly file: string;
  readonly logKey: string;
  readonly origin: string | undefined;
  /** Files holding checkpoint notes seen elsewhere, which the bundle's log must extend. */
  readonly trusted: readonly string[];
  /** The deployment's legacy boundary (PROTOCOL.md §7.8), pinned with the log key. */
  readonly legacyBefore: number;
  /** Pinned witnesses and the policy their cosignatures must meet (PROTOCOL.md §9.3), if any. */
  readonly witnesses: { readonly pins: readonly PinnedWitness[]; readonly policy: WitnessPolicy } | undefined;
};

/**
 * The witness pins and policy: by default one cosigning witness of each member party of each
 * stream (stream-members, and of every party named in the pins for the log as a whole); or of
 * every party named in the pins (each-party); or any `n` of the pinned witnesses. A party-less
 * pin counts only under `n`.
 */
const parseWitnessOptions = (keys: readonly string[], policyText: string | undefined): Arguments['witnesses'] => {
  if (keys.length === 0) {
    if (policyText !== undefined) {
      throw new InputError('--witness-policy needs at least one --witness-key');
    }
    return undefined;
  }
  const pins = parseWitnessPins(keys.join('\n'));
  if (!pins.ok) {
    throw new InputError(`--witness-key: ${pins.reason}`);
  }
  const parties = [...new Set(pins.witnesses.flatMap(({ party }) => (party === undefined ? [] : [party])))];
  const named = policyText ?? 'stream-members';
  if (named === 'stream-members' || named === 'each-party') {
    if (parties.length === 0) {
      throw new InputError(`--witness-policy ${named} needs pins of the form <party>=<witness key>`);
    }
    const policy: WitnessPolicy = named === 'each-party' ? { kind: 'each-party', parties } : { kind: 'stream-members' };
    return { pins: pins.witnesses, policy };
  }
  const threshold = Number(named);
  if (!/^[1-9][0-9]*$/.test(named) || threshold > pins.witnesses.length) {
    throw new InputError(
      `--witness-policy must be stream-members, each-party or a number from 1 to ${pins.witnesses.length}`,
    );
  }
  return { pins: pins.witnesses, policy: { kind: 'threshold', threshold } };
};

/** A log position in canonical decimal: what `npm run admin -- log-key` prints as the boundary. */
const parseLegacyBefore = (text: string | undefined): number => {
  if (text === undefined) {
    return 0;
  }
  const value = Number(text);
  if (!/^(?:0|[1-9][0-9]*)$/.test(text) || !Number.isSafeInteger(value)) {
    throw new InputError(`--legacy-before must be a log position (a whole number from 0), not ${JSON.stringify(text)}`);
  }
  return value;
};

const parseArguments = (argv: readonly string[]): Arguments | 'help' => {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util's messages go on to explain '--' at length; the first sentence says what is wrong.
    throw new InputError(`${(error as Error).message.split(/\.\s/)[0]} (${USAGE})`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    return 'help';
  }
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw new InputError(`expected exactly one bundle file (${USAGE})`);
  }
  if (values['log-key'] === undefined) {
    throw new InputError(`--log-key is required: the verifier key of the log you trust (${USAGE})`);
  }
  const key = parseVerifierKey(values['log-key']);
  if (!key.ok) {
    throw new InputError(`--log-key: ${key.reason}`);
  }
  if (values.origin === '') {
    throw new InputError('--origin must not be empty');
  }
  return {
    file,
    logKey: values['log-key'],
    origin: values.origin,
    trusted: values['trusted-checkpoint'] ?? [],
    legacyBefore: parseLegacyBefore(values['legacy-before']),
    witnesses: parseWitnessOptions(values['witness-key'] ?? [], values['witness-policy']),
  };
};

const OPTIONS = {
  'log-key': { type: 'string' },
  origin: { type: 'string' },
  'legacy-before': { type: 'string' },
  'trusted-checkpoint': { type: 'string', multiple: true },
  'witness-key': { type: 'string', multiple: true },
  'witness-policy': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const READ_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
};

// Files are read as bytes: a checkpoint note is verified byte for byte, and a bundle that is not
// UTF-8 is refused rather than repaired (docs/AUDIT-BUNDLE.md §2).
const readBytes = (file: string): Uint8Array => {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new InputError(`cannot read ${file}: ${READ_ERRORS[code] ?? (code || 'read error')}`);
  }
};

const readBundleText = (file: string): string => {
  const text = decodeStrictUtf8(readBytes(file));
  if (!text.ok) {
    throw new InputError(`${file} is not a Parley audit bundle: the file ${text.reason}`);
  }
  return text.text;
};

const describeScope = (scope: AuditBundleEnvelope['scope']): string =>
  scope.kind === 'log' ? 'the whole log' : `${scope.kind} ${scope.id}`;

const report = (file: string, trusted: number, { ok, summary, failures, notes }: BundleVerification): string[] => {
  const proofs = { leaves: 'the leaf list', count: "the last checkpoint's key-statements count" };
  const directory = summary.directoryComplete
    ? `complete (proven by ${summary.directoryProvenBy.map((by) => proofs[by]).join(' and ')})`
    : 'not proven complete';
  const lines = [
    `Bundle:       ${file}, exported for ${summary.scope ? describeScope(summary.scope) : '?'}`,
    `Log:          ${summary.origin}`,
    `Pinned key:   ${summary.logKey}`,
    `Checkpoints:  ${summary.checkpoints}, the last of ${summary.treeSize ?? '(unverified)'} leaves`,
    `Statements:   ${summary.statements}; key directory ${directory}`,
    `Entries:      ${summary.entries} in ${summary.streams} stream range(s), ${summary.ciphertexts} with ciphertext`,
    ...(trusted > 0
      ? [`Trusted:      ${trusted} checkpoint(s) seen elsewhere, which the bundle's log must extend`]
      : []),
    ...(summary.legacyBefore > 0
      ? [`Legacy:       leaves below ${summary.legacyBefore} judged by the rules before party roots and consent`]
      : []),
    ...notes.map((note) => `Note:         ${note}`),
  ];
  if (ok) {
    lines.push(
      'OK: every checkpoint is signed by the pinned key and consistent with the one before; every statement ' +
        `and entry is included in the log under checkpoint ${summary.treeSize}; every statement keeps the ` +
        "directory's rules; every entry is signed by its author's key, valid at its position, by a member party " +
        "and sealed only to readers of its stream's member parties (of each stream carried from its opening entry); " +
        'every stream range is an unbroken hash chain.',
    );
  }
  return [...lines, ...failures.map(({ subject, reason }) => `FAIL ${subject}: ${reason}`)];
};

/** Verifies with the entry signatures checked on every core; text that is not JSON needs no pool. */
const verifyText = async (
  text: string,
  args: Arguments,
  options: VerifyBundleOptions,
): Promise<{ result: BundleVerification; threads: number }> => {
  // Started first: the workers load while this thread reads the JSON.
  const pool = new SignaturePool();
  try {
    const reading = readJsonText(text);
    if (!reading.ok) {
      return { result: verifyBundleText(text, args.logKey, args.origin, options), threads: 1 };
    }
    const result = await verifyOnAllCores(text, pool, (signatureVerdicts) =>
      verifyBundleReading(reading, args.logKey, args.origin, { ...options, signatureVerdicts }),
    );
    return { result, threads: pool.threads };
  } finally {
    await pool.close();
  }
};

const main = async (argv: readonly string[]): Promise<number> => {
  const args = parseArguments(argv);
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const text = readBundleText(args.file);
  const trusted = args.trusted.map(readBytes);
  await initCrypto();
  const started = performance.now();
  const { result, threads } = await verifyText(text, args, { trusted, legacyBefore: args.legacyBefore });
  const seconds = (performance.now() - started) / 1000;
  if (result.notABundle !== undefined) {
    const syntax = /^not JSON: (.*)$/.exec(result.notABundle)?.[1];
    throw new InputError(
      syntax === undefined
        ? `${args.file} is not a Parley audit bundle: ${result.notABundle}`
        : `${args.file} is not valid JSON: ${syntax}`,
    );
  }
  const lines = report(args.file, trusted.length, result);
  const witnessFailures = args.witnesses
    ? reportWitnessing(
        text,
        trusted,
        { ...args.witnesses, logKey: args.logKey, origin: args.origin, streamMembers: result.streamMembers },
        lines,
      )
    : 0;
  const { entries } = result.summary;
  lines.push(
    `Verified:     ${entries} entries in ${seconds.toFixed(2)} s on ${threads} thread(s), ` +
      `${Math.round(entries / seconds / threads)} entries/s per core`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  const problems = result.failures.length + witnessFailures;
  if (problems > 0) {
    process.stderr.write(`${problems} problem(s) found in ${args.file}\n`);
    return 1;
  }
  return 0;
};

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const isInput = error instanceof InputError;
  process.stderr.write(
    `${isInput ? '' : 'internal error: '}${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = isInput ? 2 : 3;
}
