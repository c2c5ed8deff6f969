/**
 * The server's people list is a hint for display (names, who is pending): never an input to
 * sealing or verifying. Where it contradicts the verified directory about someone's party, role,
 * status or key, the client says so, naming them, instead of showing the hint as fact.
 */
import type { DirectoryState } from '../../shared/directory/index';
import type { PersonView } from '../../shared/schemas/identity';

/** One person the server describes otherwise than the signed directory does. */
export type PeopleHintConflict = { readonly person: string; readonly name: string; readonly reason: string };

/** Where the server's view of a person disagrees with the verified directory. */
const conflictOf = (hint: PersonView, directory: DirectoryState): string | null => {
  const key = directory.currentKey(hint.id);
  if (hint.status !== 'active') {
    return key ? `the server says ${hint.status}, the log holds a current key ${key.keyId}` : null;
  }
  if (!key) {
    return 'the server says active, the log holds no current key for them';
  }
  const lies = [
    hint.keyId === key.keyId ? null : `key ${hint.keyId ?? 'none'} (the log: ${key.keyId})`,
    hint.party.id === key.party ? null : `party ${hint.party.id} (the log: ${key.party})`,
    hint.role === key.role ? null : `role ${hint.role} (the log: ${key.role})`,
  ].filter((lie): lie is string => lie !== null);
  return lies.length === 0 ? null : `the server says ${lies.join(', ')}`;
};

/** Every person of the server's list it describes otherwise than the verified directory. */
export const peopleHintConflicts = (people: readonly PersonView[], directory: DirectoryState): PeopleHintConflict[] =>
  people.flatMap((hint) => {
    const reason = conflictOf(hint, directory);
    return reason === null ? [] : [{ person: hint.id, name: hint.name, reason }];
  });
