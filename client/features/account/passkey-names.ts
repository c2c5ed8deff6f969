/**
 * The names a person gives their passkeys ("work laptop"), kept in this browser only: the server
 * stores no free text of the person's choosing about their devices.
 */
const keyOf = (personId: string) => `parley.passkeys.names.v1 ${personId}`;

const read = (personId: string): Record<string, string> => {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(personId)) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
};

export const passkeyName = (personId: string, credentialId: string): string | null => {
  const name = read(personId)[credentialId];
  return typeof name === 'string' && name.trim() !== '' ? name : null;
};

export const renamePasskey = (personId: string, credentialId: string, name: string): void =>
  localStorage.setItem(
    keyOf(personId),
    JSON.stringify({ ...read(personId), [credentialId]: name.trim().slice(0, 60) }),
  );

export const forgetPasskeyName = (personId: string, credentialId: string): void => {
  const { [credentialId]: _gone, ...rest } = read(personId);
  localStorage.setItem(keyOf(personId), JSON.stringify(rest));
};
