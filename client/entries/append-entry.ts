import type { AppendStep } from './append-step';
/**
 * Writing an entry from the browser (docs/PROTOCOL.md §4.2): read and check the stream as a reader
 * would, with the directory taken from the log; seal the content to the readers that directory and
 * the stream's signed membership allow (after the person confirms anyone new to them in the
 * stream); sign with the author's current key, append, and verify the receipt. A lost answer
 * (502–504, a failed connection) is answered by sending the same signed entry again, which the
 * server logs once however often it arrives; a 409 `entry-chain-conflict` (someone appended
 * first) by reading the stream again and re-sealing and re-signing on the new head.
 */

import { ApiProblem } from '../../shared/api/client';
import { API } from '../../shared/api/index';
import { encodeContent } from '../../shared/content/encode-content';
import type { EntryContent } from '../../shared/content/entry-content';
import { type SealedEntry, sealEntry } from '../../shared/crypto/entry-seal';
import { initCrypto } from '../../shared/crypto/sodium';
import type { EntryMeta } from '../../shared/schemas/entry';
import { ENTRY_RULES, type EntryType, type StreamKind } from '../../shared/schemas/entry-type';
import { api } from '../api/transport';
import { DEFAULT_SENDS, sendUntilAnswered } from '../core/resend-entry';
import { currentDirectory } from '../crypto/directory';
import { KeyringLockedError, withKey } from '../crypto/keyring-store';
import { storedLogStatus } from '../crypto/log-pin';
import type { EntryContext } from './entry-context';
import { rememberInclusion } from './prove-inclusion';
import { readStream } from './read-stream';
import { chooseStreamRecipients, type SealingScope } from './stream-recipients';
import { type OnUploadProgress, uploadAttachment } from './upload-attachment';
import { verifyAppendReceipt } from './verify-receipt';
import { withAttachments } from './with-attachments';

/** What a screen asks to write. Files are encrypted and uploaded here; keys never pass through the screen. */
export type EntryDraft = {
  readonly type: EntryType;
  readonly streamKind: StreamKind;
  /** The stream to extend; absent to open a new one (`case_open`, `thread_open`). */
  readonly streamId?: string;
  readonly cases?: readonly string[];
  readonly refs?: readonly string[];
  /** Server-visible facts: members and reference of an opening entry, grantee of a disclosure. */
  readonly meta?: Omit<EntryMeta, 'attachments'>;
  /** The content without the files, which are added once uploaded. */
  readonly content: EntryContent;
  readonly files?: readonly File[];
};

export type AppendedEntry = { readonly streamId: string; readonly entryHash: string; readonly seq: number };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Re-reads and re-seals at most this many times when others keep appending first. */
const MAX_ATTEMPTS = 4;

type Position = SealingScope & { readonly seq: number; readonly prevHash: string };

const positionIn = async (context: EntryContext, draft: EntryDraft, streamId: string): Promise<Position> => {
  const grantee = draft.meta?.grantee === undefined ? {} : { grantee: draft.meta.grantee };
  if (ENTRY_RULES[draft.type].opens) {
    const { directory } = await currentDirectory(context.refreshLog);
    const members = draft.meta?.members ?? [];
    return { seq: 1, prevHash: '', directory, members, previousRecipients: null, ...grantee };
  }
  const { stream, directory } = await readStream(streamId, context.me.personId, context.refreshLog);
  if (!stream.isIntact || stream.head === null) {
    throw new Error(
      'This stream does not verify (a signature, chain link or readers check fails): nothing is appended to it',
    );
  }
  const party = directory.currentKey(context.me.personId)?.party;
  if (party === undefined || !stream.members.includes(party)) {
    throw new Error('Your party is not a member of this stream');
  }
  const mine = stream.entries.filter(({ entry }) => entry.header.author.person === context.me.personId).at(-1);
  const previousRecipients = mine
    ? new Set(mine.entry.header.recipients.map((recipient) => `${recipient.person} ${recipient.keyId}`))
    : null;
  return {
    seq: stream.head.seq + 1,
    prevHash: stream.head.hash,
    directory,
    members: stream.members,
    previousRecipients,
    ...grantee,
  };
};

/**
 * Seals, signs and appends `draft` as the signed-in person; answers where it landed once the
 * receipt verifies. Throws `RecipientsBlockedError` when a reader blocks sending (their party root
 * or key is not the one verified, no party chain vouches for them, or the server's people list
 * contradicts the log), `RecipientsDeclinedError` when the person does not confirm new readers,
 * `ContentError` for content its schema refuses, `ApiProblem` for a refusal by the server,
 * `ReceiptError` when the receipt does not prove the append. `onUpload` hears, per file, the
 * ciphertext bytes sent so far out of all of them.
 */
export const appendEntry = async (
  context: EntryContext,
  draft: EntryDraft,
  onStep: (step: AppendStep) => void = () => undefined,
  onUpload: (index: number, file: File, ...progress: Parameters<OnUploadProgress>) => void = () => undefined,
): Promise<AppendedEntry> => {
  await initCrypto();
  const { me } = context;
  if (context.trust.verifications === null) {
    throw new KeyringLockedError();
  }
  encodeContent(draft.content);
  const streamId = draft.streamId ?? crypto.randomUUID();
  onStep({ kind: 'directory' });
  let position = await positionIn(context, draft, streamId);
  const confirmed = new Set<string>();
  let recipients = await chooseStreamRecipients(context, position, confirmed);
  const files = draft.files ?? [];
  const refs = [];
  for (const [index, file] of files.entries()) {
    onStep({ kind: 'upload', name: file.name, number: index + 1, of: files.length });
    refs.push(await uploadAttachment(file, context.csrfToken, (sent, total) => onUpload(index, file, sent, total)));
  }
  // Gossip (PROTOCOL.md §9.3): the checkpoint this browser trusts travels to every reader.
  const seenCheckpoint = storedLogStatus().checkpoint?.note;
  const plaintext = encodeContent(withAttachments(draft.content, refs), { seenCheckpoint });
  const meta: EntryMeta = { ...draft.meta, ...(refs.length > 0 ? { attachments: refs.map((ref) => ref.id) } : {}) };
  for (let attempt = 1; ; attempt++) {
    onStep(attempt === 1 ? { kind: 'sealing' } : { kind: 'resealing', attempt });
    const author = position.directory.currentKey(me.personId);
    if (!author) {
      throw new Error('Your key is not in the verified directory');
    }
    const sealed: SealedEntry = withKey(me.personId, author.keyId, (key) =>
      sealEntry({
        v: 1,
        type: draft.type,
        id: crypto.randomUUID(),
        stream: streamId,
        streamKind: draft.streamKind,
        seq: position.seq,
        prevHash: position.prevHash,
        cases: [...(draft.cases ?? [])],
        author: { person: me.personId, party: author.party, keyId: author.keyId },
        claimedAt: new Date().toISOString(),
        refs: [...(draft.refs ?? [])],
        meta,
        recipients,
        plaintext,
        signSecretKey: key.signSecretKey,
      }),
    );
    let receipt: Awaited<ReturnType<typeof api<typeof API.appendEntry>>>;
    try {
      receipt = await sendUntilAnswered(
        () => api(API.appendEntry, { body: sealed.entry }),
        pause,
        DEFAULT_SENDS,
        (send) => onStep({ kind: 'resending', send: send + 1 }),
      );
    } catch (error) {
      const isConflict = error instanceof ApiProblem && error.is('entryChainConflict');
      if (!isConflict || ENTRY_RULES[draft.type].opens || attempt >= MAX_ATTEMPTS) {
        throw error;
      }
      position = await positionIn(context, draft, streamId);
      recipients = await chooseStreamRecipients(context, position, confirmed);
      continue;
    } finally {
      // Every recipient can recover the key from their sealed copy; the author keeps none here.
      sealed.contentKey.fill(0);
    }
    onStep({ kind: 'receipt' });
    await verifyAppendReceipt(receipt, sealed.entryHash);
    rememberInclusion(sealed.entryHash, receipt.checkpoint.treeSize);
    await context.refreshLog();
    return { streamId, entryHash: sealed.entryHash, seq: position.seq };
  }
};
