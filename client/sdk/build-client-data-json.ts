/** The members of `CollectedClientData` this authenticator serialises. */
export type ClientData = { type: string; challenge: string; origin: string };

/**
 * The `clientDataJSON` bytes a browser produces. WebAuthn L3 §5.8.1.1 fixes the serialisation
 * (member order type, challenge, origin, crossOrigin; JSON string escaping), so it is written out
 * here rather than left to `JSON.stringify` of an object.
 */
export const buildClientDataJSON = ({ type, challenge, origin }: ClientData): Uint8Array => {
  const json =
    `{"type":${JSON.stringify(type)},"challenge":${JSON.stringify(challenge)},` +
    `"origin":${JSON.stringify(origin)},"crossOrigin":false}`;
  return new TextEncoder().encode(json);
};
