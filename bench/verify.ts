import { readFileSync } from 'node:fs';
import { SignaturePool } from '../server/cli/signature-pool';
import { verifyOnAllCores } from '../server/cli/verify-on-all-cores';
import { verifyEd25519 } from '../server/crypto/ed25519';
import type { AuditBundle } from '../shared/audit/bundle';
import { verifyBundle } from '../shared/audit/verify-bundle';
import { entrySigningBytes } from '../shared/crypto/entry-bytes';
import { sodium } from '../shared/crypto/sodium';
import { fromBase64url } from '../shared/encoding/bytes';
import { prepareBundle } from './support/audit-bundle';
import { profiled, shouldProfile } from './support/profiled';
import { say } from './support/progress';
import { atLeast, count, megabytes, ms, percent, rate, type Section } from './support/report';
import type { Settings } from './support/settings';
import { median } from './support/stats';

const RAW_SAMPLE = 25_000;

type Signed = { readonly message: Uint8Array; readonly signature: Uint8Array; readonly key: Uint8Array };

/** The bytes every entry signature covers, with its key from the bundle's statements. */
const signedParts = (bundle: AuditBundle): Signed[] => {
  const keys = new Map(
    bundle.statements.map(({ signed: { statement } }) => [statement.keyId, fromBase64url(statement.signKey)]),
  );
  return bundle.entries.map(({ header, signature }) => ({
    message: entrySigningBytes(header),
    signature: fromBase64url(signature),
    key: keys.get(header.author.keyId) ?? new Uint8Array(32),
  }));
};

/** Signatures verified per second by `verify`, which must accept every one. */
const rateOf = (parts: readonly Signed[], verify: (part: Signed) => boolean): number => {
  const started = performance.now();
  const accepted = parts.filter(verify).length;
  const seconds = (performance.now() - started) / 1000;
  if (accepted !== parts.length) {
    throw new Error(`${parts.length - accepted} signatures did not verify`);
  }
  return parts.length / seconds;
};

/** Verifies the bundle as `npm run verify` does (signatures on the pool first), failing on any failure. */
const verifyAll = async (
  { json, text }: { json: AuditBundle; text: string },
  logKey: string,
  entries: number,
  pool?: SignaturePool,
) => {
  const result = pool
    ? await verifyOnAllCores(text, pool, (signatureVerdicts) =>
        verifyBundle(json, logKey, undefined, { signatureVerdicts }),
      )
    : verifyBundle(json, logKey);
  if (!result.ok || result.summary.entries !== entries) {
    throw new Error(
      `the bundle did not verify: ${result.failures
        .slice(0, 3)
        .map((failure) => failure.reason)
        .join('; ')}`,
    );
  }
};

const timed = async (work: () => Promise<void>): Promise<number> => {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
};

/**
 * Verification benchmark: the offline verifier (`verifyBundle` with its entry signatures checked on
 * a pool of worker threads, what `npm run verify` runs after reading the file) on a bundle of the
 * whole log, in entries per second, against raw Ed25519 verification of the same signatures with
 * `node:crypto` on one core times the cores used; and the verifier on one thread against one core.
 */
export const benchVerify = async (settings: Settings): Promise<Section> => {
  const bundle = await prepareBundle(settings.verify.entries, settings.verify.entriesPerCase, settings.fresh);
  const text = readFileSync(bundle.file, 'utf8');
  const parseStarted = performance.now();
  const json = JSON.parse(text) as AuditBundle;
  const parseMs = performance.now() - parseStarted;
  // A rate needs no more signatures than this; verifying all of them three times would add minutes.
  const parts = signedParts(json).slice(0, RAW_SAMPLE);
  const pool = new SignaturePool();
  const { threads } = pool;
  const runs: { verifier: number; single: number; node: number; sodium: number }[] = [];
  try {
    for (let round = 1; round <= settings.runs; round += 1) {
      say(
        `verify run ${round}/${settings.runs}: ${count(bundle.entries)} entries on ${threads} thread(s), then on one`,
      );
      const seconds = await timed(() => verifyAll({ json, text }, bundle.logKey, bundle.entries, pool));
      const singleSeconds = await timed(() => verifyAll({ json, text }, bundle.logKey, bundle.entries));
      runs.push({
        verifier: bundle.entries / seconds,
        single: bundle.entries / singleSeconds,
        node: rateOf(parts, ({ message, signature, key }) => verifyEd25519(message, signature, key)),
        sodium: rateOf(parts, ({ message, signature, key }) =>
          sodium.crypto_sign_verify_detached(signature, message, key),
        ),
      });
    }
  } catch (error) {
    await pool.close();
    throw error;
  }
  const verifier = median(runs.map((run) => run.verifier));
  const single = median(runs.map((run) => run.single));
  const ratio = median(runs.map((run) => run.verifier / (run.node * threads)));
  const singleRatio = median(runs.map((run) => run.single / run.node));
  const targets = [
    atLeast(
      'verify-rate',
      `Verifier ≥ 80% of the raw node:crypto Ed25519 verify rate × cores (${threads})`,
      ratio,
      0.8,
      percent,
    ),
  ];
  const profiles = shouldProfile(settings, targets)
    ? await profiled(`verify ${count(bundle.entries)} entries`, undefined, () =>
        verifyAll({ json, text }, bundle.logKey, bundle.entries, pool),
      )
    : [];
  await pool.close();
  return {
    id: 'verify',
    title: 'Verification',
    method: [
      `\`verifyBundle\` (shared/audit, what \`npm run verify\` runs) with its entry signatures checked first on a pool of ${threads} worker thread(s) (server/cli/signature-pool.ts, one per core: \`os.availableParallelism()\` is ${threads}), on an audit bundle of the whole log: ${count(bundle.entries)} entries without ciphertext, their inclusion proofs, the key statements, the checkpoint history and the leaf list. Timed from the parsed JSON; reading and \`JSON.parse\` of the ${megabytes(text.length)} file are shown apart.`,
      `Baseline: \`node:crypto\` Ed25519 \`verify\` of the same signatures (the first ${count(parts.length)}) over the same signed bytes, with the key object imported once (server/crypto/ed25519.ts), on one core, times the ${threads} core(s) the verifier uses; libsodium's \`crypto_sign_verify_detached\` (what the verifier and its workers call) for comparison. The verifier on one thread (no pool) is shown against one core. The profile covers the main thread only: the workers' time is not in it.`,
      `How the bundle was built: an admin and a staff writer enrolled through the SDK on a real server; then ${count(bundle.entries / settings.verify.entriesPerCase)} cases of ${count(settings.verify.entriesPerCase)} entries (a \`case_open\` and meeting minutes) sealed and signed with the writer's own keys by the SDK's \`sealDraft\` in forked workers, stored as \`appendEntry\` stores them (stream, memberships, \`TransparencyLog.append\`, entry row) in transactions of 1,000, and exported by the server's exporter (server/audit/export-bundle.ts). The verifier re-checks every signature, link and proof, so a bad record fails the benchmark. ${bundle.how}.`,
    ],
    tables: [
      {
        title: 'Offline verifier against raw Ed25519 verification',
        columns: [
          'Entries',
          'JSON.parse',
          'Cores',
          'Verifier',
          'node:crypto verify (1 core)',
          'Verifier ÷ (node:crypto × cores)',
          'Verifier, 1 thread',
          'libsodium verify (1 core)',
          '1 thread ÷ node:crypto',
        ],
        rows: [
          [
            count(bundle.entries),
            ms(parseMs),
            String(threads),
            `${rate(verifier)} (${ms((1000 * bundle.entries) / verifier)})`,
            rate(median(runs.map((run) => run.node))),
            percent(ratio),
            `${rate(single)} (${ms((1000 * bundle.entries) / single)})`,
            rate(median(runs.map((run) => run.sodium))),
            percent(singleRatio),
          ],
        ],
      },
    ],
    targets,
    profiles,
    notes: [],
  };
};
