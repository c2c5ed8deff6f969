/**
 * Who an entry is sealed to (docs/PROTOCOL.md §4.10): the readers of the stream's member parties
 * at their current keys in the directory taken from the log, the author included, plus the
 * grantee of a disclosure (client/core/recipient-choice, through client/trust/send-check). Nothing
 * the server says about people is an input. Blocked readers refuse the entry; readers new since
 * the author's last entry in the stream are confirmed by the person first.
 */
import type { RecipientKey } from '../../shared/crypto/entry-recipients';
import type { DirectoryState } from '../../shared/directory/index';
import type { Reader } from '../core/recipient-choice';
import { KeyringLockedError } from '../crypto/keyring-store';
import { type BlockedRecipient, sendVerdict } from '../trust/send-check';
import type { EntryContext } from './entry-context';

/** Sending is refused: one sentence per recipient that blocks it, naming them. */
export class RecipientsBlockedError extends Error {
  constructor(readonly blocked: readonly BlockedRecipient[]) {
    super(`Not sent. ${blocked.map((recipient) => recipient.message).join('. ')}.`);
    this.name = 'RecipientsBlockedError';
  }
}

/** The person did not confirm sealing to readers new to them in this stream: nothing was sent. */
export class RecipientsDeclinedError extends Error {
  constructor(readonly readers: readonly Reader[]) {
    super(`Not sent: you did not confirm sealing to ${readers.map((reader) => reader.name).join(', ')}.`);
    this.name = 'RecipientsDeclinedError';
  }
}

/** Where an entry goes, as the stream's verified reading says. */
export type SealingScope = {
  readonly directory: DirectoryState;
  readonly members: readonly string[];
  readonly grantee?: string;
  /** `person keyId` of the recipients of the author's last entry in the stream, or null if none. */
  readonly previousRecipients: ReadonlySet<string> | null;
};

const readerKey = (reader: Reader) => `${reader.person} ${reader.keyId}`;

/**
 * The recipients' keys, sorted as the header requires. `confirmed` holds the readers the person
 * already confirmed for this entry (a retry after a lost race asks again only about others).
 *
 * @throws {RecipientsBlockedError} when a reader blocks sending or the people list contradicts the log.
 * @throws {RecipientsDeclinedError} when the person declines new readers.
 */
export const chooseStreamRecipients = async (
  context: EntryContext,
  scope: SealingScope,
  confirmed: Set<string>,
): Promise<RecipientKey[]> => {
  const { verifications } = context.trust;
  if (verifications === null) {
    throw new KeyringLockedError();
  }
  const verdict = sendVerdict(
    { ...context.trust, directory: scope.directory, verifications },
    {
      authorId: context.me.personId,
      members: scope.members,
      grantees: scope.grantee === undefined ? [] : [scope.grantee],
      previousRecipients: scope.previousRecipients,
    },
  );
  if (!verdict.canSend || !verdict.choice) {
    throw new RecipientsBlockedError(verdict.blocked);
  }
  const asked = verdict.choice.newReaders.filter((reader) => !confirmed.has(readerKey(reader)));
  if (asked.length > 0) {
    if (!(await context.confirmNewReaders(asked))) {
      throw new RecipientsDeclinedError(asked);
    }
    for (const reader of asked) {
      confirmed.add(readerKey(reader));
    }
  }
  return [...verdict.choice.recipients];
};
