import { sealDraft } from '../../client/sdk/entry-draft';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { unlockedKeyringOf } from '../../client/sdk/unlocked-keyring';
import { entryRoutes } from '../../shared/api/entries';
import { streamReaderKeys } from '../../shared/membership/stream-readers';
import { meetingMinutes } from './sdk-entries';

/** A stream head: the seq and entry hash the next entry extends. */
export type Head = { readonly seq: number; readonly hash: string };

/**
 * Appends `count` minutes to a case of the writer's party, sealed to every reader of the party and
 * signed by the writer, straight through the append route (no re-read of the stream per entry, as
 * the SDK's `append` does): a long case in seconds. Subjects are `${prefix} ${seq}`.
 */
export const appendManyMinutes = async (
  writer: ParleyPerson,
  streamId: string,
  head: Head,
  count: number,
  prefix: string,
): Promise<Head> => {
  const directory = await writer.directory();
  const key = directory.currentKey(writer.personId);
  const held = key ? unlockedKeyringOf(writer)?.key(key.keyId) : undefined;
  if (!key || !held) {
    throw new Error(`${writer.personId} has no unlocked current key`);
  }
  const author = { person: writer.personId, party: key.party, keyId: key.keyId, signSecretKey: held.signSecretKey };
  const { recipients } = streamReaderKeys(directory, new Set([key.party]));
  let current = head;
  for (let index = 0; index < count; index += 1) {
    const seq = current.seq + 1;
    const sealed = sealDraft(
      author,
      { stream: streamId, streamKind: 'case', seq, prevHash: current.hash },
      { type: 'minutes', content: meetingMinutes(`${prefix} ${seq}`) },
      recipients,
    );
    await writer.api(entryRoutes.appendEntry, { body: sealed.entry });
    current = { seq, hash: sealed.entryHash };
  }
  return current;
};
