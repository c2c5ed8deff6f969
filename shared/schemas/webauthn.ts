import { z } from 'zod';
import { Base64url } from './common';

const B64 = Base64url(4096);

/** `startRegistration()`'s result as @simplewebauthn/browser v14 sends it; verified by the server. */
export const RegistrationResponse = z.object({
  id: B64,
  rawId: B64,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: B64,
    attestationObject: Base64url(16384),
    authenticatorData: B64.optional(),
    transports: z.array(z.string().max(32)).max(8).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: B64.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});
export type RegistrationResponse = z.infer<typeof RegistrationResponse>;

/** `startAuthentication()`'s result; the client deletes any PRF output before sending it. */
export const AuthenticationResponse = z.object({
  id: B64,
  rawId: B64,
  type: z.literal('public-key'),
  response: z.object({
    clientDataJSON: B64,
    authenticatorData: B64,
    signature: B64,
    userHandle: B64.optional(),
  }),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
});
export type AuthenticationResponse = z.infer<typeof AuthenticationResponse>;

/** WebAuthn options as the server generates them, passed unchanged to the browser library. */
export const CeremonyOptions = z.looseObject({ challenge: z.string() });
export type CeremonyOptions = z.infer<typeof CeremonyOptions>;
