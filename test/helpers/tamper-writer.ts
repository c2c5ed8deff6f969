import { randomUUID } from 'node:crypto';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { entryRoutes } from '../../shared/api/entries';
import { sealEntry } from '../../shared/crypto/entry-seal';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import { fromBase64url, utf8Bytes } from '../../shared/encoding/bytes';
import type { EntryHeader, EntryMeta } from '../../shared/schemas/entry';

/** An entry this helper wrote: its hash and where the server put it. */
export type WrittenEntry = {
  readonly label: string;
  readonly entryHash: string;
  readonly leafIndex: number;
  readonly stream: string;
  readonly streamKind: 'case' | 'thread';
  readonly seq: number;
  readonly type: EntryHeader['type'];
};

type Fields = {
  readonly type: EntryHeader['type'];
  readonly stream: string;
  readonly streamKind: 'case' | 'thread';
  readonly meta?: EntryMeta;
  readonly refs?: readonly string[];
};

/**
 * Writes entries as SDK people through the real append route. The SDK has no entry-writing call
 * of its own yet, so this seals and signs with the person's unlocked keyring (its current key) and
 * the recipients' current box keys from the SDK's verified directory, as the app does.
 */
export class EntryWriter {
  readonly written: WrittenEntry[] = [];
  readonly #heads = new Map<string, { seq: number; hash: string }>();

  /** Seals `fields` by `author` for the author and `readers`, appends it, and records where it landed. */
  async write(label: string, author: ParleyPerson, readers: readonly ParleyPerson[], fields: Fields) {
    const keyring = unlockedKeyringOf(author);
    if (!keyring) {
      throw new Error(`${label}: the author's keys are locked`);
    }
    const directory = await author.directory();
    const recipients = [author, ...readers].map((person) => {
      const key = directory.currentKey(person.personId);
      if (!key) {
        throw new Error(`${label}: ${person.personId} has no current key`);
      }
      return { person: person.personId, keyId: key.keyId, boxPublicKey: fromBase64url(key.boxKey) as BoxPublicKey };
    });
    const own = directory.currentKey(author.personId);
    const head = this.#heads.get(fields.stream);
    const { entry, entryHash } = sealEntry({
      v: 1,
      type: fields.type,
      id: randomUUID(),
      stream: fields.stream,
      streamKind: fields.streamKind,
      seq: (head?.seq ?? 0) + 1,
      prevHash: head?.hash ?? '',
      cases: [],
      author: { person: author.personId, party: own?.party ?? '', keyId: keyring.current.keyId },
      claimedAt: new Date().toISOString(),
      refs: [...(fields.refs ?? [])],
      meta: fields.meta ?? {},
      recipients,
      plaintext: utf8Bytes(`${label}: a ${fields.type} written for the tamper tests.`),
      signSecretKey: keyring.current.signSecretKey,
    });
    const receipt = await author.api(entryRoutes.appendEntry, { body: entry });
    this.#heads.set(fields.stream, { seq: entry.header.seq, hash: entryHash });
    const written: WrittenEntry = {
      label,
      entryHash,
      leafIndex: receipt.leafIndex,
      stream: fields.stream,
      streamKind: fields.streamKind,
      seq: entry.header.seq,
      type: fields.type,
    };
    this.written.push(written);
    return written;
  }

  /** The entry written under `label`. */
  entry(label: string): WrittenEntry {
    const found = this.written.find((entry) => entry.label === label);
    if (!found) {
      throw new Error(`no entry labelled ${label}`);
    }
    return found;
  }
}
