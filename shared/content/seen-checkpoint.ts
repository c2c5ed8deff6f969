/**
 * Checkpoint gossip through entries (docs/PROTOCOL.md §4.2 and §9.3): beside an entry's content,
 * the author's client may carry the signed checkpoint note its log monitor verified last, as the
 * optional top-level member `seenCheckpoint` of the content JSON. It is encrypted and signed with
 * the entry, so only readers see it and nobody can change it; each reader compares it with the
 * checkpoint it trusts, and parties shown different trees meet each other's view without a witness.
 */
import { z } from 'zod';

/** Longest note carried: a checkpoint with its log signature and a few dozen cosignature lines. */
export const SEEN_CHECKPOINT_MAX_LENGTH = 8192;

/**
 * A signed checkpoint note as text. Only its size is checked here: a reader verifies it under its
 * pinned log key, and a note that does not verify proves nothing and is not compared.
 */
export const SeenCheckpoint = z.string().min(1).max(SEEN_CHECKPOINT_MAX_LENGTH);
export type SeenCheckpoint = z.infer<typeof SeenCheckpoint>;

/** The member name of the gossiped checkpoint in the content JSON. */
export const SEEN_CHECKPOINT_MEMBER = 'seenCheckpoint';
