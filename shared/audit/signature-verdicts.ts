/**
 * Entry signatures checked ahead of bundle verification, e.g. on worker threads in Node, and
 * handed to `verifyBundle` as verdicts. A verdict is used only for the exact triple it was
 * computed for (header bytes, signature, key); any other entry is verified in place, so a
 * verdict can speed verification up but never change its outcome.
 */
import { entryHeaderBytes } from '../crypto/entry-bytes';
import { equalBytes } from '../encoding/bytes';
import type { EntryHeader } from '../schemas/entry';

/** One entry signature to check: the header's canonical bytes, the base64url signature and key. */
export type EntrySignatureCheck = {
  readonly headerBytes: Uint8Array;
  readonly signature: string;
  readonly signKey: string;
};

/** A checked signature: `valid` is what `verifyEntrySignatureOverBytes` answers for the triple. */
export type EntrySignatureVerdict = EntrySignatureCheck & { readonly valid: boolean };

/** A value read before any schema: every member may be missing or of any type. */
type Unchecked = { readonly [member: string]: unknown } | undefined;

/** The object `value` is, or undefined: a member of something that is not an object reads as missing. */
const asObject = (value: unknown): Unchecked =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Unchecked) : undefined;

const member = (value: unknown, name: string): unknown => asObject(value)?.[name];

/** Every key a bundle's statements name for each key id (a forged bundle may name several). */
const statedKeys = (statements: unknown): Map<string, string[]> => {
  const keys = new Map<string, string[]>();
  for (const item of Array.isArray(statements) ? statements : []) {
    const statement = member(member(item, 'signed'), 'statement');
    const keyId = member(statement, 'keyId');
    const signKey = member(statement, 'signKey');
    if (typeof keyId === 'string' && typeof signKey === 'string') {
      const named = keys.get(keyId) ?? [];
      if (!named.includes(signKey)) {
        named.push(signKey);
      }
      keys.set(keyId, named);
    }
  }
  return keys;
};

/**
 * The signature checks the verifier will need for a bundle value not yet verified, so that they can
 * run elsewhere first. Best effort: an entry too malformed to canonicalise is left out and checked
 * (or refused) by the verifier itself. `entries` may be a slice of the bundle's entries.
 */
export const planEntrySignatureChecks = (entries: readonly unknown[], statements: unknown): EntrySignatureCheck[] => {
  const keys = statedKeys(statements);
  const checks: EntrySignatureCheck[] = [];
  for (const entry of entries) {
    const header = member(entry, 'header');
    const signature = member(entry, 'signature');
    const keyId = member(member(header, 'author'), 'keyId');
    const candidates = typeof keyId === 'string' ? keys.get(keyId) : undefined;
    if (typeof signature !== 'string' || asObject(header) === undefined || candidates === undefined) {
      continue;
    }
    let headerBytes: Uint8Array;
    try {
      headerBytes = entryHeaderBytes(header as EntryHeader);
    } catch {
      continue;
    }
    for (const signKey of candidates) {
      checks.push({ headerBytes, signature, signKey });
    }
  }
  return checks;
};

/** Where `verifyBundle` gets an entry signature's verdict; undefined means: verify it in place. */
export type SignatureVerdictSource = {
  readonly verdictOf: (headerBytes: Uint8Array, signature: string, signKey: string) => boolean | undefined;
};

/** Verdicts looked up by signature, then matched on the whole triple. */
export class EntrySignatureVerdicts implements SignatureVerdictSource {
  readonly #bySignature = new Map<string, EntrySignatureVerdict[]>();

  constructor(verdicts: Iterable<EntrySignatureVerdict>) {
    for (const verdict of verdicts) {
      const same = this.#bySignature.get(verdict.signature);
      if (same) {
        same.push(verdict);
      } else {
        this.#bySignature.set(verdict.signature, [verdict]);
      }
    }
  }

  /** The verdict for exactly this triple, or undefined when none was computed for it. */
  verdictOf(headerBytes: Uint8Array, signature: string, signKey: string): boolean | undefined {
    const match = this.#bySignature
      .get(signature)
      ?.find((verdict) => verdict.signKey === signKey && equalBytes(verdict.headerBytes, headerBytes));
    return match?.valid;
  }

  /** Whether every one of these checks has a verdict here, and it is "valid". */
  confirmsAll(checks: readonly EntrySignatureCheck[]): boolean {
    return checks.every(
      ({ headerBytes, signature, signKey }) => this.verdictOf(headerBytes, signature, signKey) === true,
    );
  }
}

/**
 * Answers "valid" for every signature and remembers each it was asked about, so that the rest of
 * the verifier can run while the signatures are still being checked elsewhere. Its outcome stands
 * only if {@link EntrySignatureVerdicts.confirmsAll} then confirms every one; otherwise the bundle
 * must be verified again with the real verdicts.
 */
export class AssumedValidSignatures implements SignatureVerdictSource {
  readonly asked: EntrySignatureCheck[] = [];

  verdictOf(headerBytes: Uint8Array, signature: string, signKey: string): boolean {
    this.asked.push({ headerBytes, signature, signKey });
    return true;
  }
}
