import type { EntryAuthor } from '../../client/sdk/entry-draft';
import { sealDraft } from '../../client/sdk/entry-draft';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { drawCaseCode } from '../../shared/crypto/draw-case-code';
import type { RecipientKey } from '../../shared/crypto/entry-recipients';
import type { SealedEntry } from '../../shared/crypto/entry-seal';
import type { BoxPublicKey, SignSecretKey } from '../../shared/crypto/identity-keys';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import { streamReaderKeys } from '../../shared/membership/stream-readers';
import { caseRecord, minutes } from './contents';
import { keyringOf } from './people';

/** Who signs and whom entries are sealed to: what the SDK's `append` computes for a case of one party. */
export type Signer = { readonly author: EntryAuthor; readonly recipients: readonly RecipientKey[] };

/** A stream head: the seq and entry hash an append extends. */
export type Head = { readonly seq: number; readonly hash: string };

/** A signer as a forked worker receives it (bytes as base64url). */
export type PortableSigner = {
  readonly author: Omit<EntryAuthor, 'signSecretKey'> & { readonly signSecretKey: string };
  readonly recipients: readonly { readonly person: string; readonly keyId: string; readonly boxPublicKey: string }[];
};

/** A staff member writing in their own party's cases: their current key, every member as recipient. */
export const signerOf = async (person: ParleyPerson, partyId: string): Promise<Signer> => {
  const directory = await person.directory();
  const key = directory.currentKey(person.personId);
  const held = key ? keyringOf(person).key(key.keyId) : undefined;
  if (!key || !held) {
    throw new Error(`${person.personId} has no current key`);
  }
  return {
    author: { person: person.personId, party: key.party, keyId: key.keyId, signSecretKey: held.signSecretKey },
    recipients: streamReaderKeys(directory, new Set([partyId])).recipients,
  };
};

export const portable = ({ author, recipients }: Signer): PortableSigner => ({
  author: { ...author, signSecretKey: toBase64url(author.signSecretKey) },
  recipients: recipients.map((recipient) => ({ ...recipient, boxPublicKey: toBase64url(recipient.boxPublicKey) })),
});

export const fromPortable = ({ author, recipients }: PortableSigner): Signer => ({
  author: { ...author, signSecretKey: fromBase64url(author.signSecretKey) as SignSecretKey },
  recipients: recipients.map((recipient) => ({
    ...recipient,
    boxPublicKey: fromBase64url(recipient.boxPublicKey) as BoxPublicKey,
  })),
});

/** The `case_open` of a new case (seq 1) whose member is the signer's party, under a freshly drawn case code. */
export const sealCaseOpen = (signer: Signer, streamId: string): SealedEntry =>
  sealDraft(
    signer.author,
    { stream: streamId, streamKind: 'case', seq: 1, prevHash: '' },
    {
      type: 'case_open',
      content: { ...caseRecord('Olena'), type: 'case_open' },
      meta: { reference: drawCaseCode(), members: [signer.author.party] },
    },
    signer.recipients,
  );

/** Minutes appended to a case after `head`. */
export const sealMinutes = (signer: Signer, streamId: string, head: Head, subject: string): SealedEntry =>
  sealDraft(
    signer.author,
    { stream: streamId, streamKind: 'case', seq: head.seq + 1, prevHash: head.hash },
    { type: 'minutes', content: minutes(subject) },
    signer.recipients,
  );

/** The head after `sealed`. */
export const headAfter = (sealed: SealedEntry): Head => ({ seq: sealed.entry.header.seq, hash: sealed.entryHash });
