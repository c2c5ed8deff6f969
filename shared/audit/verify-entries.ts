/**
 * Step 7 of bundle verification (docs/AUDIT-BUNDLE.md §4): each entry's schema, inclusion at its
 * leaf with the entry hash recomputed from header and signature, the author's key valid at that
 * position, the signature, the checks that need no key, and the entry-type rules.
 */
import { computeCiphertextHash, entryHashOfHeaderBytes, entryHeaderBytes } from '../crypto/entry-bytes';
import { ENTRY_AEAD_TAG_BYTES } from '../crypto/entry-integrity';
import { areRecipientsCanonical, hasRecipient } from '../crypto/entry-recipients';
import { verifyEntrySignatureOverBytes } from '../crypto/entry-signature';
import type { SignPublicKey } from '../crypto/identity-keys';
import { isBucketSize } from '../crypto/padding';
import type { DirectoryState } from '../directory/index';
import { fromBase64url } from '../encoding/bytes';
import type { Checkpoint } from '../log/checkpoint';
import { equalHashes } from '../log/hash-checks';
import { checkEntryInclusion } from '../log/log-monitor';
import type { Hash } from '../log/merkle';
import type { EntryHeader } from '../schemas/entry';
import { ENTRY_RULES } from '../schemas/entry-type';
import { type AuditBundleEnvelope, BundleEntry, MAX_INCLUSION_HASHES } from './bundle';
import { decodeHashes, type Fail } from './failures';
import type { RecordBreaches } from './record-breaches';
import type { SignatureVerdictSource } from './signature-verdicts';
import type { VerifiedLeaves } from './verify-leaves';

/** An entry whose header and signature parsed, with its recomputed hash: the input of the chain check. */
export type CheckedEntry = {
  readonly leafIndex: number;
  readonly header: EntryHeader;
  readonly entryHash: string;
  readonly subject: string;
};

type Context = {
  readonly anchor: Checkpoint | null;
  readonly directory: DirectoryState;
  readonly breaches: RecordBreaches;
  /** The leaf list, when it verified against the anchor: inclusion is then checked against it. */
  readonly leaves?: VerifiedLeaves;
  /** Signatures already checked elsewhere (worker threads); any other is verified here. */
  readonly signatureVerdicts?: SignatureVerdictSource;
};

/** An entry whose header and signature parsed; the ciphertext is kept only if it parsed too. */
type ParsedEntry = {
  readonly leafIndex: number;
  readonly header: EntryHeader;
  readonly signature: string;
  readonly ciphertext?: string;
  readonly inclusion: unknown;
};

/** What must parse for an entry to be checked at all: the signed header and the signature. */
const SignedPart = BundleEntry.pick({ header: true, signature: true });

/** Why the entry's leaf or proof disagrees with the verified tree, or undefined when both agree. */
const checkAgainstLeaves = (
  entry: ParsedEntry,
  entryHash: string,
  proof: readonly Hash[],
  leaves: VerifiedLeaves,
): string | undefined => {
  const recorded = leaves.entryAt(entry.leafIndex);
  if (recorded === undefined || !equalHashes(recorded, fromBase64url(entryHash))) {
    return `the log's leaf ${entry.leafIndex} records ${recorded === undefined ? 'no entry' : 'another entry'}`;
  }
  const path = leaves.pathOf(entry.leafIndex);
  if (path.length !== proof.length || path.some((hash, at) => !equalHashes(hash, proof[at] as Hash))) {
    return `the inclusion proof is not the path of leaf ${entry.leafIndex} in the tree of the leaf list`;
  }
  return undefined;
};

const checkInclusion = (
  entry: ParsedEntry,
  entryHash: string,
  { anchor, leaves }: Pick<Context, 'anchor' | 'leaves'>,
): string | undefined => {
  if (anchor === null) {
    return 'not proven in the log: the last checkpoint does not verify';
  }
  const proof = decodeHashes(entry.inclusion, 'inclusion', MAX_INCLUSION_HASHES);
  if (typeof proof === 'string') {
    return proof;
  }
  if (leaves) {
    const disagreement = checkAgainstLeaves(entry, entryHash, proof, leaves);
    return (
      disagreement && `not included at leaf ${entry.leafIndex} under checkpoint ${anchor.treeSize}: ${disagreement}`
    );
  }
  const check = checkEntryInclusion(anchor, entry.leafIndex, fromBase64url(entryHash), 'entry', proof);
  return check.ok
    ? undefined
    : `not included at leaf ${entry.leafIndex} under checkpoint ${anchor.treeSize}: ${check.reason}`;
};

/** Problems with the author: key known, theirs, valid at this position, allowed this type; and the signature. */
const checkAuthor = (
  entry: ParsedEntry,
  headerBytes: Uint8Array,
  { directory, signatureVerdicts }: Pick<Context, 'directory' | 'signatureVerdicts'>,
): string[] => {
  const { header } = entry;
  const { keyId, person, party } = header.author;
  const key = directory.keyRecord(keyId);
  if (key === undefined) {
    return [`the author's key ${keyId} is not in the verified key directory`];
  }
  const problems: string[] = [];
  if (key.person !== person || key.party !== party) {
    problems.push(`key ${keyId} belongs to person ${key.person} of party ${key.party}, not the author`);
  }
  if (!directory.isKeyValidAt(keyId, entry.leafIndex)) {
    const ended = key.endedAt === undefined ? 'never ended' : `ended at leaf ${key.endedAt} (${key.endedBy})`;
    problems.push(
      `key ${keyId} was not valid at leaf ${entry.leafIndex}: published at leaf ${key.validFrom}, ${ended}`,
    );
  }
  if (!ENTRY_RULES[header.type].roles.includes(key.role)) {
    problems.push(`a ${key.role} may not write a ${header.type}`);
  }
  const isSigned =
    signatureVerdicts?.verdictOf(headerBytes, entry.signature, key.signKey) ??
    verifyEntrySignatureOverBytes(headerBytes, entry.signature, fromBase64url(key.signKey) as SignPublicKey);
  if (!isSigned) {
    problems.push(`the signature does not verify under the author's key ${keyId}`);
  }
  return problems;
};

/** Problems that need no key (PROTOCOL.md §4.6, §4.8) and the entry-type rules. */
const checkShape = (entry: ParsedEntry): string[] => {
  const { header } = entry;
  const rule = ENTRY_RULES[header.type];
  const problems: string[] = [];
  if (!areRecipientsCanonical(header.recipients)) {
    problems.push('recipients are not strictly ascending by person and key id');
  }
  if (!hasRecipient(header.recipients, header.author)) {
    problems.push('the author is not a recipient');
  }
  if (!isBucketSize(header.paddedLength)) {
    problems.push(`paddedLength ${header.paddedLength} is not a padding bucket`);
  }
  if (!rule.streams.includes(header.streamKind)) {
    problems.push(`a ${header.type} cannot be written in a ${header.streamKind}`);
  }
  if (Boolean(rule.opens) !== (header.seq === 1)) {
    problems.push(rule.opens ? `a ${header.type} opens a stream at seq 1` : 'seq 1 must be an opening entry');
  }
  if ((header.seq === 1) !== (header.prevHash === '')) {
    problems.push('only the first entry of a stream has no previous hash');
  }
  if (header.refs.length < (rule.minRefs ?? 0)) {
    problems.push(`a ${header.type} must reference at least ${rule.minRefs} entry`);
  }
  if (entry.ciphertext !== undefined) {
    const ciphertext = fromBase64url(entry.ciphertext);
    if (ciphertext.length !== header.paddedLength + ENTRY_AEAD_TAG_BYTES) {
      problems.push(`ciphertext is ${ciphertext.length} bytes, not paddedLength + ${ENTRY_AEAD_TAG_BYTES}`);
    } else if (computeCiphertextHash(ciphertext) !== header.ciphertextHash) {
      problems.push('ciphertext does not match the ciphertextHash the author signed');
    }
  }
  return problems;
};

/** Verifies every entry, naming each failing one with every reason; returns those whose header parsed. */
export const verifyEntries = (
  items: AuditBundleEnvelope['entries'],
  { anchor, directory, leaves, breaches, signatureVerdicts }: Context,
  fail: Fail,
): CheckedEntry[] => {
  const checked: CheckedEntry[] = [];
  const seen = new Set<number>();
  for (const [index, item] of items.entries()) {
    const { leafIndex } = item;
    // A breach of the JSON rules is a second byte form of the record, or no form at all.
    const breach = breaches.of('entries', index);
    if (breach !== undefined) {
      fail(`entry at leaf ${leafIndex}`, breach);
      continue;
    }
    const parsed = SignedPart.safeParse({ header: item.header, signature: item.signature });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(`entry at leaf ${leafIndex}`, `does not match the schema: ${issue?.path.join('.')}: ${issue?.message}`);
      continue;
    }
    const { header, signature } = parsed.data;
    // Recomputed, never read from the bundle: the hash is what the log and the chain commit to.
    const headerBytes = entryHeaderBytes(header);
    const entryHash = entryHashOfHeaderBytes(headerBytes, signature);
    const subject = `entry ${entryHash} (leaf ${leafIndex}, ${header.streamKind} ${header.stream} seq ${header.seq})`;
    if (seen.has(leafIndex)) {
      fail(subject, `leaf ${leafIndex} is listed twice`);
      continue;
    }
    seen.add(leafIndex);
    const ciphertext = BundleEntry.shape.ciphertext.safeParse(item.ciphertext);
    if (!ciphertext.success) {
      fail(subject, `ciphertext ${ciphertext.error.issues[0]?.message ?? 'is not base64url'}`);
    }
    const entry: ParsedEntry = {
      leafIndex,
      header,
      signature,
      inclusion: item.inclusion,
      ...(ciphertext.success && ciphertext.data !== undefined ? { ciphertext: ciphertext.data } : {}),
    };
    const inclusion = checkInclusion(entry, entryHash, leaves ? { anchor, leaves } : { anchor });
    const problems = [
      ...(inclusion ? [inclusion] : []),
      ...checkAuthor(entry, headerBytes, signatureVerdicts ? { directory, signatureVerdicts } : { directory }),
      ...checkShape(entry),
    ];
    for (const problem of problems) {
      fail(subject, problem);
    }
    checked.push({ leafIndex, header, entryHash, subject });
  }
  return checked;
};
