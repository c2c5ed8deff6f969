/**
 * Writes test/vectors/membership-v1.json: known-answer vectors for stream membership by consent
 * (docs/PROTOCOL.md §4.9, with the legacy rule of §7.8) and for who reads a stream (§4.10). Run
 * `node --import tsx test/vectors/generate-membership-vectors.ts`; never edit the JSON by hand.
 *
 * The directory is real: signed key statements of three parties, each enrolled by its own root.
 * Entries are given by the header members these rules read (`seq`, `type`, `author`, `meta`,
 * `refs`, `recipients` without sealed keys) and a fixed entry hash per entry; signing and sealing
 * are covered by entry-v1.json. Each case is written to show one rule: the generator refuses an
 * entry whose membership outcome is not the intended one.
 */
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { initCrypto } from '../../shared/crypto/sodium';
import { toBase64url } from '../../shared/encoding/bytes';
import { fixedBytes } from './generate-entry-fixtures';
import { directoryStatements, LETTER, type MembershipCase, open, stream } from './generate-membership-stream';
import { PARTY_A, PARTY_B, PARTY_C, personOf } from './generate-trust-fixtures';

export type { EntryStep, MembershipCase, RuleHeader } from './generate-membership-stream';

const consentCases = (): MembershipCase[] => {
  const unconsented = stream(
    'add-without-consent',
    'B proposes adding C; A never consents: C is not a member, and may neither write nor be sealed to.',
  );
  open(unconsented.write);
  unconsented.write(
    'envoyB',
    { type: 'membership', meta: { add: [PARTY_C] } },
    ['envoyA', 'staffA'],
    'accepted',
    'B proposes C (pending)',
  );
  unconsented.write(
    'envoyB',
    LETTER,
    ['envoyA', 'staffA', 'envoyC'],
    'accepted',
    'sealed to C’s envoy: a recipient outside the members',
  );
  unconsented.write('envoyC', LETTER, ['envoyA', 'envoyB'], 'refused', 'C writes: not a member');
  const completed = stream('consent-completing', 'B proposes adding C; A consents: C is a member from the consent on.');
  open(completed.write);
  const proposal = completed.write(
    'envoyB',
    { type: 'membership', meta: { add: [PARTY_C] } },
    ['envoyA', 'staffA'],
    'accepted',
    'B proposes C',
  );
  completed.write(
    'envoyA',
    { type: 'membership_consent', refs: [proposal] },
    ['envoyB', 'staffA'],
    'accepted',
    'A consents: C joins',
  );
  completed.write('envoyC', LETTER, ['envoyA', 'envoyB', 'staffA'], 'accepted', 'C writes, sealed to every reader');
  const twice = stream(
    'consent-twice',
    'A consent by the proposer, or a second one by the same party, is refused; so is a consent to nothing pending.',
  );
  open(twice.write);
  const asked = twice.write(
    'envoyB',
    { type: 'membership', meta: { add: [PARTY_C] } },
    ['envoyA', 'staffA'],
    'accepted',
    'B proposes C',
  );
  twice.write(
    'envoyB',
    { type: 'membership_consent', refs: [asked] },
    ['envoyA', 'staffA'],
    'refused',
    'the proposer consents again',
  );
  twice.write(
    'staffA',
    { type: 'membership_consent', refs: [toBase64url(fixedBytes('trust/entry/none'))] },
    ['envoyA', 'envoyB'],
    'refused',
    'a consent to no pending change',
  );
  return [unconsented.done(), completed.done(), twice.done()];
};

const leavingCases = (): MembershipCase[] => {
  const leave = stream(
    'leave',
    'B leaves on its own, at once: it may no longer write, and nothing more is sealed to it.',
  );
  open(leave.write);
  leave.write(
    'envoyB',
    { type: 'membership', meta: { remove: [PARTY_B] } },
    ['envoyA', 'staffA'],
    'accepted',
    'B leaves',
  );
  leave.write('envoyA', LETTER, ['envoyB', 'staffA'], 'accepted', 'sealed to B’s envoy after B left');
  leave.write('envoyB', LETTER, ['envoyA'], 'refused', 'B writes after leaving');
  const removal = stream(
    'remove-without-consent',
    'B proposes removing A, the opener: without A’s consent A stays a member.',
  );
  open(removal.write);
  removal.write(
    'envoyB',
    { type: 'membership', meta: { remove: [PARTY_A] } },
    ['envoyA', 'staffA'],
    'accepted',
    'B proposes removing A (pending)',
  );
  removal.write('envoyA', LETTER, ['envoyB', 'staffA'], 'accepted', 'A still writes and reads');
  return [leave.done(), removal.done()];
};

const readerCases = (): MembershipCase[] => {
  const outsiders = stream(
    'recipients-outside-members',
    'Entries sealed to a party that is not a member, and to an admin: each such recipient is named.',
  );
  open(outsiders.write);
  outsiders.write('envoyA', LETTER, ['envoyB', 'staffA', 'envoyC'], 'accepted', 'sealed to C’s envoy');
  outsiders.write('envoyA', LETTER, ['envoyB', 'staffA', 'adminB'], 'accepted', 'sealed to B’s admin');
  outsiders.write('envoyC', LETTER, ['envoyA'], 'refused', 'an entry by a non-member');
  const grantee = stream(
    'disclosure-grantee',
    'A disclosure is sealed to its grantee outside the members, and to no one else outside them.',
  );
  open(grantee.write);
  grantee.write(
    'envoyA',
    { type: 'disclosure', meta: { grantee: personOf('envoyC') } },
    ['envoyB', 'staffA', 'envoyC'],
    'accepted',
    'the grantee, C’s envoy',
  );
  grantee.write(
    'envoyA',
    { type: 'disclosure', meta: { grantee: personOf('envoyC') } },
    ['envoyB', 'staffA', 'adminC'],
    'accepted',
    'sealed to C’s admin, who is not the grantee',
  );
  const legacy = stream(
    'legacy-membership',
    'Below the legacy boundary (position 9) a change by one member took effect at once; from the boundary on, consent is needed.',
    9,
  );
  open(legacy.write);
  legacy.write(
    'envoyB',
    { type: 'membership', meta: { add: [PARTY_C] } },
    ['envoyA', 'staffA'],
    'accepted',
    'legacy: B adds C alone, at once',
  );
  legacy.write('envoyC', LETTER, ['envoyA', 'envoyB', 'staffA'], 'accepted', 'C writes as a member');
  legacy.write(
    'envoyC',
    { type: 'membership', meta: { remove: [PARTY_A] } },
    ['envoyB', 'staffA'],
    'accepted',
    'above the boundary: C proposes removing A (pending)',
  );
  return [outsiders.done(), grantee.done(), legacy.done()];
};

/** Builds the whole vector file; libsodium is made ready first. */
export const buildMembershipVectors = async () => {
  await initCrypto();
  return {
    description:
      'Parley stream membership by consent and who reads a stream, v1: a directory of three parties each enrolled by its own root, and streams whose entries are folded in order, each with the membership outcome (add without consent, consent completing, consent twice, leave, removal without consent, entry by a non-member, legacy changes below the boundary) and every recipient who is not a reader (outside the members, an admin; a disclosure grantee excepted).',
    source:
      'test/vectors/generate-membership-vectors.ts using shared/membership, shared/directory and shared/crypto on libsodium-wrappers-sumo; seeds and entry hashes SHA-256("parley test vector: trust/" || label)',
    checked_with:
      'node:crypto Ed25519 and SHA-256 (every directory statement signature and hash) with a separate canonical-JSON serialiser, in test/integration/trust-vectors.test.ts',
    generated_by: 'node --import tsx test/vectors/generate-membership-vectors.ts',
    directory: directoryStatements(),
    cases: [...consentCases(), ...leavingCases(), ...readerCases()],
  };
};

export type MembershipVectors = Awaited<ReturnType<typeof buildMembershipVectors>>;

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const vectors = await buildMembershipVectors();
  const path = new URL('./membership-v1.json', import.meta.url);
  writeFileSync(path, `${JSON.stringify(vectors, null, 2)}\n`);
  console.warn(`wrote ${vectors.cases.length} membership cases to ${path.pathname}`);
}
