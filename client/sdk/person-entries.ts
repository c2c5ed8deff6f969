import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiProblem } from '../../shared/api/client';
import { entryRoutes } from '../../shared/api/entries';
import type { AttachmentRef } from '../../shared/content/attachment-ref';
import type { ContentOf } from '../../shared/content/entry-content';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import { computeEntryHash } from '../../shared/crypto/entry-bytes';
import type { SealedEntry } from '../../shared/crypto/entry-seal';
import type { DirectoryState } from '../../shared/directory/index';
import { toBase64url } from '../../shared/encoding/bytes';
import type { StreamMembership } from '../../shared/membership/stream-membership';
import type { EntryType, StreamKind } from '../../shared/schemas/entry-type';
import type { AppendReceipt } from '../../shared/schemas/log';
import type { StoredEntry } from '../../shared/schemas/stream';
import { chooseRecipients, type Reader, type RecipientChoice } from '../core/recipient-choice';
import { sendUntilAnswered } from '../core/resend-entry';
import { EntriesContext, type EntriesOwner } from './entries-context';
import { type EntryAuthor, type EntryDraft, type EntryPosition, sealDraft } from './entry-draft';
import { AppendConflictError, RecipientsBlockedError, RecipientsDeclinedError } from './entry-errors';
import { verifyAppendReceipt } from './entry-inclusion';
import { fetchStreamEntries } from './fetch-stream-entries';
import type { LogCheckResult } from './log-checker';
import type { ReadEntry } from './open-stream-entries';
import { ownContentKey } from './own-content-key';
import { emptyChain, extendChain, type StreamChain } from './stream-chain';
import { openDisclosed, readStream } from './stream-reading';

/** A stored entry: its hash, its leaf in the log and the verified receipt. */
export type AppendResult = { readonly entryHash: string; readonly leafIndex: number; readonly receipt: AppendReceipt };

/** A lost race for a stream head (409 `entry-chain-conflict`), reported before the retry. */
export type ChainConflict = { readonly streamId: string; readonly attempt: number; readonly seq: number };

/** Options of `append`: how often to retry a lost race, a hook that sees each loss, and who confirms new readers. */
export type AppendOptions = {
  /** Attempts in all, 20 by default. */
  readonly maxAttempts?: number;
  readonly onConflict?: (conflict: ChainConflict) => void;
  /**
   * Sends of one signed entry whose answer was lost (502–504, a failed connection) before giving
   * up, 10 by default: the same entry again, never a new one, since the first may have been logged.
   */
  readonly sends?: number;
  /** Sees each lost answer before the same entry is sent again (`send` is the send that lost it). */
  readonly onResend?: (send: number, error: unknown) => void;
  /**
   * Asked before sealing to anyone this person's last entry in the stream was not sealed to (to
   * everyone, for a first entry): answer false to send nothing. Without it the SDK, which acts
   * for a program rather than a person, goes ahead; blocked readers are always refused.
   */
  readonly confirmNewReaders?: (readers: readonly Reader[], choice: RecipientChoice) => boolean | Promise<boolean>;
};

/** A new case: a staff-chosen reference (never personal data), member parties and the child record. */
export type OpenCaseInput = {
  /** The case's clear code; drawn at random when absent (the server refuses anything but a case code). */
  readonly reference?: string;
  /** Member party ids, the author's own included. */
  readonly parties: readonly string[];
  readonly record: Omit<ContentOf<'case_open'>, 'type'>;
  readonly attachments?: readonly AttachmentRef[];
};

/** A new thread between parties. */
export type OpenThreadInput = {
  readonly parties: readonly string[];
  readonly subject: string;
  readonly partiesNote?: string;
};

/** A proposed change of a stream's member parties, with the reason given to the others. */
export type MembershipChangeInput = {
  readonly add?: readonly string[];
  readonly remove?: readonly string[];
  readonly reason: string;
};

/** A disclosure of entries' content keys to a grantee, for a stated purpose. */
export type DiscloseInput = {
  readonly grantee: string;
  readonly entries: readonly string[];
  readonly purpose?: string;
};

const DEFAULT_ATTEMPTS = 20;

/**
 * Writing and reading entries as one person: streams opened and extended with recipients taken
 * from the verified directory, sealed and signed locally, retried on lost races, receipts
 * verified through the person's log monitor; streams read with every signature, link and
 * inclusion verified and what the person may read decrypted.
 */
export class PersonEntries {
  readonly #context: EntriesContext;

  constructor(owner: EntriesOwner) {
    this.#context = new EntriesContext(owner);
  }

  #author(directory: DirectoryState): EntryAuthor {
    const person = this.#context.owner.personId;
    const key = directory.currentKey(person);
    const held = key ? this.#context.keyring().key(key.keyId) : undefined;
    if (!key || !held) {
      throw new Error(`${person} holds no current key: pending, revoked, or the vault predates a rotation`);
    }
    return { person, party: key.party, keyId: key.keyId, signSecretKey: held.signSecretKey };
  }

  /**
   * Seals a draft to the readers the verified directory and the stream's signed membership allow,
   * after the trust checks (client/core/recipient-choice) and, for new readers, the confirmation.
   */
  async #seal<T extends EntryType>(
    { directory, trusted }: { directory: DirectoryState; trusted: LogCheckResult },
    chain: StreamChain,
    position: EntryPosition,
    draft: EntryDraft<T>,
    options: AppendOptions,
  ) {
    const grantee = draft.type === 'disclosure' ? draft.meta?.grantee : undefined;
    const opening = position.seq === 1 ? new Set(draft.meta?.members ?? []) : undefined;
    const personId = this.#context.owner.personId;
    const choice = chooseRecipients({
      directory,
      members: opening ?? chain.membership.members,
      authorId: personId,
      grantees: grantee === undefined ? [] : [grantee],
      partyPins: this.#context.owner.pins.parties,
      contactPins: this.#context.owner.pins.contacts,
      previousRecipients: chain.lastSealedBy.get(personId) ?? null,
    });
    if (choice.blocked.length > 0) {
      throw new RecipientsBlockedError(choice.blocked);
    }
    if (choice.newReaders.length > 0 && options.confirmNewReaders) {
      if (!(await options.confirmNewReaders(choice.newReaders, choice))) {
        throw new RecipientsDeclinedError(choice.newReaders);
      }
    }
    // Gossip: the checkpoint this person's monitor trusts travels to every reader (PROTOCOL.md §9.3).
    return sealDraft(this.#author(directory), position, draft, choice.recipients, { seenCheckpoint: trusted.note });
  }

  async #post(sealed: SealedEntry, options: AppendOptions): Promise<AppendResult> {
    const { http } = this.#context.owner;
    const { entryHash, ...receipt } = await sendUntilAnswered(
      () => http.api(entryRoutes.appendEntry, { body: sealed.entry }),
      sleep,
      options.sends,
      options.onResend,
    );
    await verifyAppendReceipt(http, await this.#context.checkLog(), { ...receipt, entryHash }, sealed.entryHash);
    return { entryHash, leafIndex: receipt.leafIndex, receipt };
  }

  /** The chain after this person's own appended entry, checked as any reader checks it. */
  #extendedBy(chain: StreamChain, sealed: SealedEntry, result: AppendResult, directory: DirectoryState): StreamChain {
    const { header, signature } = sealed.entry;
    const stored = { header, signature, entryHash: result.entryHash, leafIndex: result.leafIndex, receivedAt: '' };
    return extendChain(chain, [stored as StoredEntry], directory);
  }

  async #open<T extends EntryType>(
    kind: StreamKind,
    parties: readonly string[],
    draft: EntryDraft<T>,
    options: AppendOptions = {},
  ) {
    const streamId = randomUUID();
    const verified = await this.#context.directory();
    const { directory } = verified;
    const position = { stream: streamId, streamKind: kind, seq: 1, prevHash: '' };
    const opening = { ...draft, meta: { ...draft.meta, members: [...parties] } };
    const chain = emptyChain(streamId);
    const sealed = await this.#seal(verified, chain, position, opening, options);
    const result = await this.#post(sealed, options);
    this.#context.remember(this.#extendedBy(chain, sealed, result, directory));
    return { streamId, ...result };
  }

  /** Opens a case (staff): `case_open` with the child record, sealed to every member party's people. */
  async openCase(input: OpenCaseInput, options?: AppendOptions) {
    const { reference = drawCaseCode(), parties, record, attachments } = input;
    const content: ContentOf<'case_open'> = { ...record, type: 'case_open' };
    const opened = await this.#open(
      'case',
      parties,
      { type: 'case_open', content, meta: { reference }, ...(attachments === undefined ? {} : { attachments }) },
      options,
    );
    return { ...opened, reference };
  }

  /** Opens a thread (envoys) between parties. */
  openThread(input: OpenThreadInput, options?: AppendOptions) {
    const { parties, subject, partiesNote } = input;
    const content: ContentOf<'thread_open'> = {
      type: 'thread_open',
      subject,
      ...(partiesNote === undefined ? {} : { partiesNote }),
    };
    return this.#open('thread', parties, { type: 'thread_open', content }, options);
  }

  // Fetches what is new since the verified head, verifies it (directory proven after the entries).
  async #sync(streamId: string): Promise<{ chain: StreamChain; directory: DirectoryState; trusted: LogCheckResult }> {
    const { http } = this.#context.owner;
    const known = this.#context.chain(streamId) ?? emptyChain(streamId);
    const { entries } = await fetchStreamEntries(http, streamId, known.seq);
    const { directory, trusted } = await this.#context.directory();
    const chain = extendChain(known, entries, directory);
    this.#context.remember(chain);
    return { chain, directory, trusted };
  }

  /**
   * Appends an entry to a stream: reads and verifies the head, seals to every current member's
   * person at their current key (and a disclosure's grantee), signs, posts; a lost answer (502–504,
   * a failed connection) is answered by sending the same signed entry again, a lost race (409) by
   * re-sealing at once on the fresh, verified head. Verifies the receipt before returning.
   *
   * @throws {AppendConflictError} after `maxAttempts` lost races; `ApiProblem` for any other refusal.
   */
  async append<T extends EntryType>(streamId: string, draft: EntryDraft<T>, options: AppendOptions = {}) {
    const maxAttempts = options.maxAttempts ?? DEFAULT_ATTEMPTS;
    for (let attempt = 1; ; attempt += 1) {
      const synced = await this.#sync(streamId);
      const { chain, directory } = synced;
      if (chain.kind === undefined) {
        throw new Error(`Stream ${streamId} has no entries to extend`);
      }
      const position = { stream: streamId, streamKind: chain.kind, seq: chain.seq + 1, prevHash: chain.hash };
      const sealed = await this.#seal(synced, chain, position, draft, options);
      try {
        const result = await this.#post(sealed, options);
        this.#context.remember(this.#extendedBy(chain, sealed, result, directory));
        return result;
      } catch (error) {
        if (!(error instanceof ApiProblem && error.is('entryChainConflict'))) {
          throw error;
        }
        options.onConflict?.({ streamId, attempt, seq: position.seq });
        if (attempt >= maxAttempts) {
          throw new AppendConflictError(streamId, attempt);
        }
        // No pause: the server's sequencer decided the race and the winner is already stored, so
        // reading the stream again (and choosing recipients again: the new head may have changed
        // the membership) and re-sealing is all a loser needs (docs/PROTOCOL.md §4.6).
      }
    }
  }

  /**
   * The stream's membership as its verified entries add up to (shared/membership): the member
   * parties, and the proposed changes awaiting consent.
   */
  async membership(streamId: string): Promise<StreamMembership> {
    return (await this.#sync(streamId)).chain.membership;
  }

  /**
   * Proposes adding and removing parties (docs/PROTOCOL.md §4.9): it takes effect once every member
   * party has consented; removing only one's own party (leaving) takes effect at once.
   */
  proposeMembership(streamId: string, change: MembershipChangeInput, options: AppendOptions = {}) {
    const meta = {
      ...(change.add && change.add.length > 0 ? { add: [...change.add] } : {}),
      ...(change.remove && change.remove.length > 0 ? { remove: [...change.remove] } : {}),
    };
    const content: ContentOf<'membership'> = { type: 'membership', reason: change.reason };
    return this.append(streamId, { type: 'membership', content, meta }, options);
  }

  /** Consents, for this person's party, to the membership change whose entry hash is `proposal`. */
  consentToMembership(streamId: string, proposal: string, note?: string, options: AppendOptions = {}) {
    const content: ContentOf<'membership_consent'> = {
      type: 'membership_consent',
      ...(note === undefined ? {} : { note }),
    };
    return this.append(streamId, { type: 'membership_consent', content, refs: [proposal] }, options);
  }

  /** Every entry of a stream, verified and decrypted where possible; see {@link readStream}. */
  readStream(streamId: string): Promise<ReadEntry[]> {
    return readStream(this.#context, streamId);
  }

  /**
   * Discloses entries to a grantee (a reviewer, a later member): recovers each content key from
   * this person's own sealed copy, checks it against the commitment, and appends a `disclosure`
   * to `streamId` granting them, sealed to the members and the grantee.
   */
  async disclose(streamId: string, input: DiscloseInput, options: AppendOptions = {}) {
    const { http, personId } = this.#context.owner;
    const hashes = [...new Set(input.entries)];
    const { directory } = await this.#context.directory();
    const grants = [];
    for (const entryHash of hashes) {
      const stored = await http.api(entryRoutes.getEntry, { params: { entryHash } });
      if (computeEntryHash(stored.header, stored.signature) !== entryHash) {
        throw new Error(`The server answered another entry for ${entryHash}`);
      }
      const key = ownContentKey(stored.header, personId, this.#context.keyring(), directory);
      grants.push({ entryHash, contentKey: toBase64url(key) });
    }
    const purpose = input.purpose ?? 'Review of the disclosed entries';
    const content: ContentOf<'disclosure'> = { type: 'disclosure', grants, purpose, scope: 'entries' };
    return this.append(
      streamId,
      { type: 'disclosure', content, refs: hashes, meta: { grantee: input.grantee } },
      options,
    );
  }

  /** Opens an entry disclosed to this person; see {@link openDisclosed}. */
  openDisclosed(entryHash: string, options: { readonly disclosure?: string } = {}): Promise<ReadEntry> {
    return openDisclosed(this.#context, entryHash, options);
  }
}
