/**
 * Writing an entry from the browser (docs/PROTOCOL.md §4.2): check the stream as a reader would,
 * seal the content to every current member, sign with the author's current key, append, and
 * verify the receipt. A 409 `entry-chain-conflict` (someone appended first) is answered by
 * reading the stream again and re-sealing and re-signing on the new head.
 */

import { ApiProblem } from '../../shared/api/client';
import { API } from '../../shared/api/index';
import { encodeContent } from '../../shared/content/encode-content';
import type { EntryContent } from '../../shared/content/entry-content';
import type { RecipientKey } from '../../shared/crypto/entry-recipients';
import { type SealedEntry, sealEntry } from '../../shared/crypto/entry-seal';
import { initCrypto } from '../../shared/crypto/sodium';
import type { DirectoryState } from '../../shared/directory/index';
import type { EntryMeta } from '../../shared/schemas/entry';
import { ENTRY_RULES, type EntryType, type StreamKind } from '../../shared/schemas/entry-type';
import { api } from '../api/transport';
import { fetchVerifiedDirectory } from '../crypto/directory';
import { KeyringLockedError, withKey } from '../crypto/keyring-store';
import type { EntryContext } from './entry-context';
import { rememberInclusion } from './prove-inclusion';
import { readStream } from './read-stream';
import { streamRecipients } from './stream-recipients';
import { uploadAttachment } from './upload-attachment';
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

/** Re-reads and re-seals at most this many times when others keep appending first. */
const MAX_ATTEMPTS = 4;

type Position = { readonly seq: number; readonly prevHash: string; readonly members: readonly string[] };

const positionIn = async (
  context: EntryContext,
  draft: EntryDraft,
  streamId: string,
  directory: DirectoryState,
): Promise<Position> => {
  if (ENTRY_RULES[draft.type].opens) {
    return { seq: 1, prevHash: '', members: draft.meta?.members ?? [] };
  }
  const stream = await readStream(streamId, context.me.personId, directory, null);
  if (!stream.isIntact || stream.head === null) {
    throw new Error('This stream does not verify (a signature or chain link fails): nothing is appended to it');
  }
  if (!stream.members.includes(context.me.partyId)) {
    throw new Error('Your party is not a member of this stream');
  }
  return { seq: stream.head.seq + 1, prevHash: stream.head.hash, members: stream.members };
};

/**
 * Seals, signs and appends `draft` as the signed-in person; answers where it landed once the
 * receipt verifies. Throws `RecipientsBlockedError` when a recipient's key changed since verified,
 * `ContentError` for content its schema refuses, `ApiProblem` for a refusal by the server,
 * `ReceiptError` when the receipt does not prove the append.
 */
export const appendEntry = async (
  context: EntryContext,
  draft: EntryDraft,
  onStep: (step: string) => void = () => undefined,
): Promise<AppendedEntry> => {
  await initCrypto();
  const { me, verifications } = context;
  if (verifications === null) {
    throw new KeyringLockedError();
  }
  encodeContent(draft.content);
  const streamId = draft.streamId ?? crypto.randomUUID();
  onStep('Verifying the key directory and the stream');
  const [directory, { people }] = await Promise.all([fetchVerifiedDirectory(), api(API.listPeople)]);
  const recipientsAt = (members: readonly string[]): RecipientKey[] =>
    streamRecipients({
      directory,
      people,
      verifications,
      authorId: me.personId,
      members,
      ...(draft.meta?.grantee === undefined ? {} : { grantee: draft.meta.grantee }),
    });
  let position = await positionIn(context, draft, streamId, directory);
  let recipients = recipientsAt(position.members);
  const files = draft.files ?? [];
  const refs = [];
  for (const [index, file] of files.entries()) {
    onStep(`Encrypting and uploading ${file.name} (${index + 1} of ${files.length})`);
    refs.push(await uploadAttachment(file, context.csrfToken));
  }
  const plaintext = encodeContent(withAttachments(draft.content, refs));
  const meta: EntryMeta = { ...draft.meta, ...(refs.length > 0 ? { attachments: refs.map((ref) => ref.id) } : {}) };
  const author = directory.currentKey(me.personId);
  if (!author) {
    throw new Error('Your key is not in the verified directory');
  }
  for (let attempt = 1; ; attempt++) {
    onStep(attempt === 1 ? 'Sealing and signing' : `Someone wrote first: sealing again (attempt ${attempt})`);
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
        author: { person: me.personId, party: me.partyId, keyId: author.keyId },
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
      receipt = await api(API.appendEntry, { body: sealed.entry });
    } catch (error) {
      const isConflict = error instanceof ApiProblem && error.is('entryChainConflict');
      if (!isConflict || ENTRY_RULES[draft.type].opens || attempt >= MAX_ATTEMPTS) {
        throw error;
      }
      position = await positionIn(context, draft, streamId, directory);
      recipients = recipientsAt(position.members);
      continue;
    } finally {
      // Every recipient can recover the key from their sealed copy; the author keeps none here.
      sealed.contentKey.fill(0);
    }
    onStep('Verifying the receipt');
    await verifyAppendReceipt(receipt, sealed.entryHash);
    rememberInclusion(sealed.entryHash, receipt.checkpoint.treeSize);
    await context.refreshLog();
    return { streamId, entryHash: sealed.entryHash, seq: position.seq };
  }
};
