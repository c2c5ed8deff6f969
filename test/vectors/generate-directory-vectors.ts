/**
 * Writes test/vectors/directory-v1.json: known-answer vectors for the key directory's party-root
 * rules (docs/PROTOCOL.md §7, §11) and the party safety number (§7.5). Run
 * `node --import tsx test/vectors/generate-directory-vectors.ts`; never edit the JSON by hand.
 *
 * Each case is one history from an empty directory (generate-directory-cases.ts): real signed
 * statements at consecutive log positions, the outcome the rules give each and the directory it
 * leaves.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { partySafetyNumber } from '../../shared/crypto/safety-number';
import { initCrypto } from '../../shared/crypto/sodium';
import { crossPartyCases, legacyCases, thresholdCase } from './generate-directory-cases';
import { identities } from './generate-directory-history';
import { hex } from './generate-entry-fixtures';
import { identityOf, PARTY_A, PARTY_B } from './generate-trust-fixtures';

export { summarise } from './generate-directory-history';

const partySafetyNumbers = () =>
  (
    [
      [PARTY_A, 'adminA'],
      [PARTY_B, 'adminB'],
    ] as const
  ).map(([party, root]) => {
    const { person, signPublicKey: signKey, boxPublicKey: boxKey } = identityOf(root);
    const number = partySafetyNumber(party, { person, signKey, boxKey });
    return { party, root: { person, signKey, boxKey }, digits: number.digits, qrPayloadHex: hex(number.qrPayload) };
  });

/** Builds the whole vector file; libsodium is made ready first. */
export const buildDirectoryVectors = async () => {
  await initCrypto();
  return {
    description:
      'Parley key directory v1, party-root rules: histories of signed key statements from an empty directory, the outcome of each statement and the directory each history leaves (cross-party enrol, endorse, rotate and revoke; a second bootstrap into a rooted party; a threshold met, unmet and exceeded; legacy statements below and above the boundary); and party safety numbers.',
    source:
      'test/vectors/generate-directory-vectors.ts using shared/directory and shared/crypto on libsodium-wrappers-sumo; seeds SHA-256("parley test vector: trust/" || label)',
    checked_with:
      'node:crypto Ed25519 (every statement signature), SHA-256 (statement hashes) and SHA-512 (party safety numbers) with a separate canonical-JSON serialiser, in test/integration/trust-vectors.test.ts',
    generated_by: 'node --import tsx test/vectors/generate-directory-vectors.ts',
    tags: { statementSignature: 'parley/key-statement/v1', statementHash: 'parley/key-statement-hash/v1' },
    identities: identities(),
    cases: [...crossPartyCases(), thresholdCase(), ...legacyCases()],
    partySafetyNumbers: partySafetyNumbers(),
  };
};

export type DirectoryVectors = Awaited<ReturnType<typeof buildDirectoryVectors>>;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const vectors = await buildDirectoryVectors();
  const path = new URL('./directory-v1.json', import.meta.url);
  writeFileSync(path, `${JSON.stringify(vectors, null, 2)}\n`);
  console.warn(`wrote ${vectors.cases.length} directory cases to ${path.pathname}`);
}
