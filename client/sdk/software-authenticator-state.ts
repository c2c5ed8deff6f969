import { z } from 'zod';
import { StoredCredentialJSON } from './stored-credential';

/**
 * Everything a {@link SoftwareAuthenticator} holds, JSON-safe, so a CLI can keep an identity in a
 * file: binary fields base64url, private keys PKCS#8 DER. It contains secrets; store it like a key.
 */
export const SoftwareAuthenticatorState = z.object({
  version: z.literal(1),
  origin: z.string(),
  hasPrf: z.boolean(),
  credentials: z.array(StoredCredentialJSON),
});
export type SoftwareAuthenticatorState = z.infer<typeof SoftwareAuthenticatorState>;
