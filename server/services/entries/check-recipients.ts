import type { SignedEntry } from '../../../shared/schemas/entry';
import { ProblemError } from '../../problems';
import type { BatchLookups } from './batch-lookups';

/** Every recipient is an active person of a member party at their current key; the author is one. */
export const checkRecipients = async (lookups: BatchLookups, entry: SignedEntry, members: ReadonlySet<string>) => {
  const { header } = entry;
  const ids = header.recipients.map((recipient) => recipient.person);
  if (new Set(ids).size !== ids.length || !ids.includes(header.author.person)) {
    throw new ProblemError('recipientNotAllowed', 'Each recipient once, the author included');
  }
  const people = await lookups.people(ids);
  for (const recipient of header.recipients) {
    const person = people.get(recipient.person);
    const isGrantee = header.type === 'disclosure' && header.meta.grantee === recipient.person;
    if (person?.role === 'admin') {
      throw new ProblemError(
        'recipientNotAllowed',
        `Recipient ${recipient.person} is an admin: admins never read content`,
      );
    }
    if (person?.status !== 'active' || !(members.has(person.party.id) || isGrantee)) {
      throw new ProblemError(
        'recipientNotAllowed',
        `Recipient ${recipient.person} is not a current member of this stream`,
      );
    }
    if (person.keyId !== recipient.keyId) {
      throw new ProblemError('recipientNotAllowed', `Recipient ${recipient.person} has another current key: re-seal`);
    }
  }
  if (header.meta.grantee && !ids.includes(header.meta.grantee)) {
    throw new ProblemError('entryInvalid', 'The grantee of a disclosure is one of its recipients');
  }
};
