/**
 * The name of the admin who invited a person, remembered in this browser so a pending person can
 * be told whose endorsement they await after signing in again (the server shows pending
 * statements to admins only). A display name, never a key or a token.
 */
const keyOf = (personId: string) => `parley.inviter.v1 ${personId}`;

export const rememberInviter = (personId: string, name: string): void => localStorage.setItem(keyOf(personId), name);

export const inviterName = (personId: string): string | null => localStorage.getItem(keyOf(personId));
