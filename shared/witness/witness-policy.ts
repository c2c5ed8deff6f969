/**
 * Which cosignatures make a checkpoint *witnessed* for a reader (docs/PROTOCOL.md §9.3). A
 * deployment pins its witnesses out of band, each named for the party that operates it; by
 * default (`stream-members`) a checkpoint is witnessed for a stream when, for every party that is
 * a member of the stream as its verified entries add up (shared/membership), at least one of that
 * party's pinned witnesses cosigned it. A deployment can instead name the parties (`each-party`)
 * or ask for any `threshold` of its pinned witnesses.
 */

import type { Cosignature } from './cosignature';
import type { CosignerKey } from './cosigner-key';
import { parseCosignerKey } from './cosigner-key';

/** A pinned witness key and the party (id) that operates it, if any. */
export type PinnedWitness = { readonly key: CosignerKey; readonly party?: string };

/** What a reader requires of a checkpoint before it calls entries under it witnessed. */
export type WitnessPolicy =
  | { readonly kind: 'stream-members' }
  | { readonly kind: 'each-party'; readonly parties: readonly string[] }
  | { readonly kind: 'threshold'; readonly threshold: number };

/** The default policy: one witness of each member party of the stream being read. */
export const STREAM_MEMBERS_POLICY: WitnessPolicy = { kind: 'stream-members' };

/**
 * The parties whose witnesses must cosign under `policy` for a stream with member parties
 * `members` (sorted), or undefined under a threshold. Without `members` (no stream is being
 * read) the default policy asks for no party, so nothing is witnessed under it.
 */
export const partiesRequired = (
  policy: WitnessPolicy,
  members: ReadonlySet<string> = new Set(),
): readonly string[] | undefined => {
  if (policy.kind === 'threshold') {
    return undefined;
  }
  return policy.kind === 'each-party' ? [...new Set(policy.parties)] : [...members].sort();
};

/** How a checkpoint's cosignatures measure up against a policy. */
export type PolicyOutcome = {
  readonly isWitnessed: boolean;
  /** Names of the pinned witnesses that cosigned it, in pin order. */
  readonly witnessedBy: readonly string[];
  /** Parties (each-party policy) with no cosigning witness of theirs; empty under a threshold. */
  readonly missingParties: readonly string[];
  /** The latest cosignature time among the pinned witnesses, POSIX seconds. */
  readonly latestCosignedAt?: number;
};

/**
 * Measures the verified `cosignatures` of one checkpoint against `policy`; `members` are the
 * member parties of the stream being read, from its verified entries (never the server's word),
 * which the default `stream-members` policy requires one witness each of. Cosignatures by keys
 * not pinned, and pinned witnesses of parties not required, never make up for a missing party.
 */
export const evaluateWitnessPolicy = (
  cosignatures: readonly Cosignature[],
  witnesses: readonly PinnedWitness[],
  policy: WitnessPolicy,
  members?: ReadonlySet<string>,
): PolicyOutcome => {
  const cosigned = witnesses.filter((pinned) =>
    cosignatures.some(({ witness }) => witness.name === pinned.key.name && witness.keyId === pinned.key.keyId),
  );
  const times = cosignatures.map(({ timestamp }) => timestamp);
  const latest = times.length > 0 ? { latestCosignedAt: Math.max(...times) } : {};
  const witnessedBy = cosigned.map(({ key }) => key.name);
  if (policy.kind === 'threshold') {
    const isWitnessed =
      Number.isSafeInteger(policy.threshold) && policy.threshold >= 1 && cosigned.length >= policy.threshold;
    return { isWitnessed, witnessedBy, missingParties: [], ...latest };
  }
  const parties = partiesRequired(policy, members) ?? [];
  const missingParties = parties.filter((party) => !cosigned.some((pinned) => pinned.party === party));
  // An empty stream membership would make every checkpoint "witnessed" by nobody: refuse that.
  const isWitnessed = parties.length > 0 && missingParties.length === 0;
  return { isWitnessed, witnessedBy, missingParties, ...latest };
};

/** The outcome of {@link parseWitnessPins}. */
export type ParsedWitnessPins =
  | { readonly ok: true; readonly witnesses: readonly PinnedWitness[] }
  | { readonly ok: false; readonly reason: string };

/**
 * Parses witness pins as a deployment writes them: items separated by commas or newlines, each
 * `<party>=<witness verifier key>` or a bare verifier key (a witness for no party, counted only
 * by a threshold policy). Two pins with one name are refused.
 */
export const parseWitnessPins = (text: string): ParsedWitnessPins => {
  const items = text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const witnesses: PinnedWitness[] = [];
  for (const item of items) {
    const equals = item.indexOf('=');
    // A verifier key's base64 of 33 bytes never holds '=', so the first one ends the party.
    const party = equals < 0 ? undefined : item.slice(0, equals);
    const parsed = parseCosignerKey(equals < 0 ? item : item.slice(equals + 1));
    if (!parsed.ok) {
      return { ok: false, reason: `witness pin ${JSON.stringify(item.slice(0, 80))}: ${parsed.reason}` };
    }
    if (party === '') {
      return { ok: false, reason: `witness pin for ${parsed.key.name} names an empty party` };
    }
    if (witnesses.some(({ key }) => key.name === parsed.key.name)) {
      return { ok: false, reason: `witness ${parsed.key.name} is pinned twice` };
    }
    witnesses.push(party === undefined ? { key: parsed.key } : { key: parsed.key, party });
  }
  return { ok: true, witnesses };
};
