import { readFileSync } from 'node:fs';
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

/**
 * Verification benchmark: the offline verifier (`verifyBundle`, what `npm run verify` runs after
 * reading the file) on a bundle of the whole log, in entries per second, against raw Ed25519
 * verification of the same signatures with `node:crypto`, on one core each.
 */
export const benchVerify = async (settings: Settings): Promise<Section> => {
  const bundle = await prepareBundle(settings.verify.entries, settings.verify.entriesPerCase, settings.fresh);
  const text = readFileSync(bundle.file, 'utf8');
  const parseStarted = performance.now();
  const json = JSON.parse(text) as AuditBundle;
  const parseMs = performance.now() - parseStarted;
  // A rate needs no more signatures than this; verifying all of them three times would add minutes.
  const parts = signedParts(json).slice(0, RAW_SAMPLE);
  const runs: { verifier: number; node: number; sodium: number }[] = [];
  for (let round = 1; round <= settings.runs; round += 1) {
    say(`verify run ${round}/${settings.runs}: ${count(bundle.entries)} entries`);
    const started = performance.now();
    const result = verifyBundle(json, bundle.logKey);
    const seconds = (performance.now() - started) / 1000;
    if (!result.ok || result.summary.entries !== bundle.entries) {
      throw new Error(
        `the bundle did not verify: ${result.failures
          .slice(0, 3)
          .map((failure) => failure.reason)
          .join('; ')}`,
      );
    }
    runs.push({
      verifier: bundle.entries / seconds,
      node: rateOf(parts, ({ message, signature, key }) => verifyEd25519(message, signature, key)),
      sodium: rateOf(parts, ({ message, signature, key }) =>
        sodium.crypto_sign_verify_detached(signature, message, key),
      ),
    });
  }
  const verifier = median(runs.map((run) => run.verifier));
  const ratio = median(runs.map((run) => run.verifier / run.node));
  const targets = [
    atLeast(
      'verify-rate',
      'Verifier ≥ 80% of the raw node:crypto Ed25519 verify rate (one core each)',
      ratio,
      0.8,
      percent,
    ),
  ];
  const profiles = shouldProfile(settings, targets)
    ? await profiled(`verify ${count(bundle.entries)} entries`, undefined, async () =>
        verifyBundle(json, bundle.logKey),
      )
    : [];
  return {
    id: 'verify',
    title: 'Verification',
    method: [
      `\`verifyBundle\` (shared/audit, what \`npm run verify\` runs) on an audit bundle of the whole log: ${count(bundle.entries)} entries without ciphertext, their inclusion proofs, the key statements, the checkpoint history and the leaf list. Timed from the parsed JSON; reading and \`JSON.parse\` of the ${megabytes(text.length)} file are shown apart.`,
      `Baseline: \`node:crypto\` Ed25519 \`verify\` of the same signatures (the first ${count(parts.length)}) over the same signed bytes, with the key object imported once (server/crypto/ed25519.ts), on one core like the verifier; libsodium's \`crypto_sign_verify_detached\` (what the verifier calls) for comparison.`,
      `How the bundle was built: an admin and a staff writer enrolled through the SDK on a real server; then ${count(bundle.entries / settings.verify.entriesPerCase)} cases of ${count(settings.verify.entriesPerCase)} entries (a \`case_open\` and meeting minutes) sealed and signed with the writer's own keys by the SDK's \`sealDraft\` in forked workers, stored as \`appendEntry\` stores them (stream, memberships, \`TransparencyLog.append\`, entry row) in transactions of 1,000, and exported by the server's exporter (server/audit/export-bundle.ts). The verifier re-checks every signature, link and proof, so a bad record fails the benchmark. ${bundle.how}.`,
    ],
    tables: [
      {
        title: 'Offline verifier against raw Ed25519 verification',
        columns: [
          'Entries',
          'JSON.parse',
          'Verifier',
          'node:crypto verify',
          'libsodium verify',
          'Verifier ÷ node:crypto',
        ],
        rows: [
          [
            count(bundle.entries),
            ms(parseMs),
            `${rate(verifier)} (${ms((1000 * bundle.entries) / verifier)})`,
            rate(median(runs.map((run) => run.node))),
            rate(median(runs.map((run) => run.sodium))),
            percent(ratio),
          ],
        ],
      },
    ],
    targets,
    profiles,
    notes: [],
  };
};
