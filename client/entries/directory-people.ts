import type { PersonParty } from '../../shared/content/receipts-for';
import type { DirectoryState } from '../../shared/directory/index';
import type { Role } from '../../shared/schemas/role';

/**
 * Everyone with a key in the directory taken from the log, with the party their statements bind
 * them to: what the shared derivations (receipts) need to know whose party each recipient is,
 * instead of the server's people list.
 */
export const directoryPeople = (directory: DirectoryState): PersonParty[] => {
  // A person's party never changes along their chain (§7.3): any of their keys names it.
  const partyOf = new Map(directory.keys().map((key) => [key.person, key.party]));
  return [...partyOf].map(([id, party]) => ({ id, party: { id: party } }));
};

/** A person's name from their statements in the log, or a short id. */
export const directoryName = (directory: DirectoryState, personId: string): string =>
  (directory.currentKey(personId) ?? directory.keys().find((candidate) => candidate.person === personId))?.name ??
  `person ${personId.slice(0, 8)}`;

/** Someone with a current key in the directory: whom content could be sealed to. */
export type KeyHolder = { readonly id: string; readonly name: string; readonly role: Role; readonly party: string };

/** Everyone with a current key in the directory taken from the log, in order of enrolment. */
export const keyHolders = (directory: DirectoryState): KeyHolder[] =>
  directory.people().flatMap((person) => {
    const key = directory.currentKey(person);
    return key ? [{ id: person, name: key.name, role: key.role, party: key.party }] : [];
  });
