/**
 * Writes test/vectors/strict-input-v1.json: the negative vectors (and a few positive partners) for
 * the input rules an independent verifier found undecided (issue 17; docs/PROTOCOL.md §1.1, §1.5,
 * §4, §7 and docs/AUDIT-BUNDLE.md). Never edit the JSON by hand: run
 * `node --import tsx test/vectors/generate-strict-input-vectors.ts`; a re-run writes the same bytes.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { SAMPLE_ORIGIN, sampleVerifierKey } from '../../shared/audit/sample-bundle';
import { type BundleVerification, verifyBundleText } from '../../shared/audit/verify-bundle';
import { initCrypto } from '../../shared/crypto/sodium';
import { decodeStrictUtf8 } from '../../shared/encoding/strict-utf8';
import { buildCase, type BuiltCase } from './strict-input-bundles';
import { STRICT_INPUT_CASES, type StrictInputCase } from './strict-input-cases';

/** What the verifier answered: the CLI's exit code (§6) and every subject it named, in order, once. */
export type VerifyAnswer = { readonly exit: 0 | 1 | 2; readonly names: readonly string[] };

/** Runs the verifier as `npm run verify` does: strict UTF-8, then the text, then the exit code. */
export const answerOf = (built: BuiltCase): VerifyAnswer => {
  const bytes = built.bundleHex === undefined ? undefined : Buffer.from(built.bundleHex, 'hex');
  const text = bytes === undefined ? { ok: true as const, text: built.bundle ?? '' } : decodeStrictUtf8(bytes);
  if (!text.ok) {
    return { exit: 2, names: [] };
  }
  const trusted = (built.trustedCheckpoints ?? []).map((note) => new TextEncoder().encode(note));
  const result: BundleVerification = verifyBundleText(text.text, sampleVerifierKey(), undefined, { trusted });
  if (result.notABundle !== undefined) {
    return { exit: 2, names: [] };
  }
  return { exit: result.ok ? 0 : 1, names: [...new Set(result.failures.map((failure) => failure.subject))] };
};

const SERVER_REFUSAL = { status: 400, type: '/problems/validation' };
const NOT_FOR_THE_API = 'not applicable: the API takes no audit bundles or checkpoint notes';

const vectorOf = (item: StrictInputCase) => {
  const built = buildCase(item);
  const answer = answerOf(built);
  if (answer.exit !== item.exit || (item.mustFail !== undefined && !answer.names.some((name) => name.startsWith(item.mustFail ?? '')))) {
    throw new Error(`${item.name}: expected exit ${item.exit} naming ${item.mustFail ?? 'nothing'}, got ${JSON.stringify(answer)}`);
  }
  const { target } = item;
  return {
    name: item.name,
    rule: item.rule,
    description: item.description,
    ...(target.record === 'bundle'
      ? { record: 'bundle', change: target.make }
      : { record: target.record, index: target.index, change: target.change }),
    ...built,
    expect: {
      verify: { exit: answer.exit, ...(item.mustFail === undefined ? {} : { mustName: item.mustFail }), names: answer.names },
      server: target.record === 'bundle' || item.exit === 0 ? NOT_FOR_THE_API : SERVER_REFUSAL,
      client: target.record === 'bundle' ? 'the browser verifier (verifyBundleReading) names the same subjects' : item.exit === 0 ? 'accepted' : 'refused',
    },
  };
};

/** The vector file's content. libsodium must be ready. */
export const buildStrictInputVectors = () => ({
  description:
    'Parley strict-input vectors: each gap an independent verifier found in docs/PROTOCOL.md and docs/AUDIT-BUNDLE.md (issue 17) as one change to the valid sample log, with what the offline verifier, the server and the clients must answer. Entry and statement changes are given relative to the record (`header…`, `signed…`): text changes (insert-member, replace-text) write JSON that JSON.stringify cannot; value changes (set-signed-value, delete-signed-member) are signed by the author as changed and the log rebuilt around them, so the rule under test is the only fault.',
  source:
    'test/vectors/generate-strict-input-vectors.ts on shared/audit/sample-bundle.ts: keys from public seeds, content keys, nonces and sealed-box ephemeral seeds fixed as SHA-256("parley test vector: " || label)',
  checked_with:
    'at generation, every declared exit code and named subject against shared/audit/verify-bundle.ts; in test/integration/strict-input-vectors.test.ts, each vector against `npm run verify` (a separate process), the server (POST /api/entries, POST /api/keys/statements) and the Node SDK reading a server reply changed the same way',
  generated_by: 'node --import tsx test/vectors/generate-strict-input-vectors.ts',
  verify: {
    logKey: sampleVerifierKey(),
    origin: SAMPLE_ORIGIN,
    usage:
      'write `bundle` (or the bytes of `bundleHex`) to a file, each of `trustedCheckpoints` to a file of its own, and run the verifier with the pinned `logKey`; `exit` is the exit code, `names` every subject named (any order), `mustName` the prefix of the subject the rule is about',
  },
  vectors: STRICT_INPUT_CASES.map(vectorOf),
});

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await initCrypto();
  const vectors = buildStrictInputVectors();
  const path = new URL('./strict-input-v1.json', import.meta.url);
  writeFileSync(path, `${JSON.stringify(vectors, null, 2)}\n`);
  console.warn(`wrote ${vectors.vectors.length} vectors to ${path.pathname}`);
}
