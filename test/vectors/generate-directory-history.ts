/**
 * How test/vectors/directory-v1.json records a history of statements and the directory it leaves.
 * Used by generate-directory-cases.ts; run generate-directory-vectors.ts, never this module.
 */
import { keyStatementHash, verifyStatementSignature } from '../../shared/crypto/key-statement';
import { type DirectoryState, emptyDirectory } from '../../shared/directory/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { KeyStatement, SignedKeyStatement } from '../../shared/schemas/key-statement';
import {
  CAST_NAMES,
  type CastName,
  identityOf,
  personOf,
  type Signer,
  StatementWriter,
  signingBytesHex,
} from './generate-trust-fixtures';

type Outcome = 'accepted' | 'refused';

export type StatementStep = {
  position: number;
  /** What the step shows, in words. */
  note: string;
  signed: SignedKeyStatement;
  statementHash: string;
  signingBytesHex: string;
  /** Whether each signature verifies under its signer's key (node:crypto re-checks every one). */
  signaturesValid: boolean[];
  outcome: Outcome;
  /** The reference implementation's reason for a refusal (shared/directory), for people; not normative. */
  reason?: string;
};

export type DirectoryCase = {
  name: string;
  description: string;
  legacyBefore: number;
  steps: StatementStep[];
  /** The directory after every step: party roots, and every key with the marks the rules gave it. */
  result: ReturnType<typeof summarise>;
};

/** What a directory holds, as the vectors record it. */
export const summarise = (state: DirectoryState) => ({
  parties: state.parties().map(({ party, root, rootKeyId, since, threshold }) => ({
    party,
    root,
    rootKeyId,
    since,
    threshold,
  })),
  keys: state.keys().map((key) => ({
    keyId: key.keyId,
    person: key.person,
    party: key.party,
    role: key.role,
    validFrom: key.validFrom,
    ...(key.endedAt === undefined ? {} : { endedAt: key.endedAt, endedBy: key.endedBy }),
    bootstrap: key.bootstrap,
    partyEndorsed: key.partyEndorsed,
    endorsedBy: [...key.endorsedBy],
    legacy: key.legacy,
  })),
});

/** One history: each step is signed, applied at the next position, and must have its intended outcome. */
export const history = (name: string, description: string, legacyBefore = 0) => {
  const writer = new StatementWriter();
  const state = emptyDirectory({ legacyBefore });
  const steps: StatementStep[] = [];
  const step = (
    subject: CastName,
    fields: Partial<KeyStatement>,
    signers: readonly Signer[],
    intended: Outcome,
    note: string,
    generation = 0,
    tamper: (signed: SignedKeyStatement) => SignedKeyStatement = (signed) => signed,
  ) => {
    const signed = tamper(writer.sign(writer.about(subject, fields, generation), signers));
    const { statement } = signed;
    const position = steps.length;
    const applied = state.apply(signed, position);
    const outcome: Outcome = applied.ok ? 'accepted' : 'refused';
    if (outcome !== intended) {
      throw new Error(`${name} step ${position} (${note}): ${outcome}${applied.ok ? '' : `: ${applied.reason}`}`);
    }
    if (applied.ok) {
      writer.accept(subject, signed);
    }
    steps.push({
      position,
      note,
      signed,
      statementHash: keyStatementHash(signed),
      signingBytesHex: signingBytesHex(statement),
      signaturesValid: signed.signatures.map((signature) =>
        verifyStatementSignature(statement, signature, fromBase64url(keyWithId(signature.keyId).signPublicKey)),
      ),
      outcome,
      ...(applied.ok ? {} : { reason: applied.reason }),
    });
  };
  const done = (): DirectoryCase => ({ name, description, legacyBefore, steps, result: summarise(state) });
  return { step, done };
};

export type Step = ReturnType<typeof history>['step'];

/** Every key pair the vectors sign with: each person's first, and envoy B's second (libsodium ready). */
export const identities = () => [...CAST_NAMES.map((name) => identityOf(name)), identityOf('envoyB', 1)];
const keyWithId = (keyId: string) => {
  const found = identities().find((identity) => identity.keyId === keyId);
  if (!found) {
    throw new Error(`no vector identity has key ${keyId}`);
  }
  return found;
};
export const authority = (name: CastName) => ({ authority: personOf(name) });
export const BOOTSTRAP = { authority: 'bootstrap' } as const;
