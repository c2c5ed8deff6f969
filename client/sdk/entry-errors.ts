/**
 * What the SDK throws when an entry, a receipt or an attachment does not verify. Server refusals
 * stay `ApiProblem` (shared/api/client); these are the client's own findings, each naming the
 * entry and the check so a caller can keep them as evidence.
 */
import type { PeopleHintConflict } from '../core/people-hints';
import type { BlockedReader, Reader } from '../core/recipient-choice';

/** The verification an entry failed (docs/PROTOCOL.md §4.4–4.7, §7.4, §9). */
export type EntryCheck =
  | 'hash'
  | 'chain'
  | 'signature'
  | 'author'
  | 'readers'
  | 'inclusion'
  | 'integrity'
  | 'open'
  | 'content'
  | 'disclosure';

/** Where an entry sits: enough to find it again. */
export type EntryPlace = { readonly streamId: string; readonly seq: number; readonly entryHash: string };

/** An entry the server served failed one of the client's checks; nothing of its stream should be trusted. */
export class EntryVerificationError extends Error {
  override readonly name = 'EntryVerificationError';

  constructor(
    readonly check: EntryCheck,
    readonly entry: EntryPlace,
    reason: string,
  ) {
    super(`Entry ${entry.entryHash} (stream ${entry.streamId}, seq ${entry.seq}) fails its ${check} check: ${reason}`);
  }
}

/** The entry verified, but this person cannot read it: the server withheld its ciphertext, or no key opens it. */
export class EntryNotReadableError extends Error {
  override readonly name = 'EntryNotReadableError';

  constructor(
    readonly entryHash: string,
    readonly reason: 'no-ciphertext' | 'no-key' | 'not-found',
  ) {
    super(`Entry ${entryHash} cannot be read by this person (${reason})`);
  }
}

/**
 * The server stored an entry but its receipt does not prove it: a checkpoint not signed by the
 * pinned key or not consistent with the trusted one, or an inclusion proof that fails.
 */
export class ReceiptVerificationError extends Error {
  override readonly name = 'ReceiptVerificationError';

  constructor(
    readonly entryHash: string,
    reason: string,
  ) {
    super(`The append receipt of entry ${entryHash} does not verify: ${reason}`);
  }
}

/** Every attempt to append lost the race for the stream head. */
export class AppendConflictError extends Error {
  override readonly name = 'AppendConflictError';

  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`Stream ${streamId} kept moving: ${attempts} attempts to append were refused as chain conflicts`);
  }
}

/** An attachment transfer whose bytes do not match what the entry (or the local encryptor) says. */
export class AttachmentIntegrityError extends Error {
  override readonly name = 'AttachmentIntegrityError';

  constructor(
    readonly reason: 'digest-mismatch' | 'size-mismatch' | 'header-mismatch',
    detail: string,
  ) {
    super(`Attachment refused (${reason}): ${detail}`);
  }
}

/** Sending was refused before anything was sealed: someone the entry would reach cannot be trusted. */
export class RecipientsBlockedError extends Error {
  override readonly name = 'RecipientsBlockedError';

  constructor(readonly blocked: readonly BlockedReader[]) {
    super(`Not sent: ${blocked.map((reader) => reader.message).join('; ')}`);
  }
}

/** The person declined to seal to readers their last entry in the stream did not reach. */
export class RecipientsDeclinedError extends Error {
  override readonly name = 'RecipientsDeclinedError';

  constructor(readonly readers: readonly Reader[]) {
    super(`Not sent: sealing to ${readers.map((reader) => reader.name).join(', ')} was not confirmed`);
  }
}

/** The server's people list contradicts the verified directory: each person it misdescribes, by name. */
export class PeopleHintError extends Error {
  override readonly name = 'PeopleHintError';

  constructor(readonly conflicts: readonly PeopleHintConflict[]) {
    super(
      `The server misdescribes ${conflicts.map((conflict) => `${conflict.name} (${conflict.person}): ${conflict.reason}`).join('; ')}`,
    );
  }
}
