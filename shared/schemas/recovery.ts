import { z } from 'zod';
import { Timestamp, Uuid } from './common';
import { InvitationToken } from './identity';
import { CeremonyOptions, RegistrationResponse } from './webauthn';

/**
 * Account recovery for a person who lost every passkey: their party's admin issues a one-time
 * recovery link; on a new device the person registers a new passkey through it, which signs them
 * in with their identity unchanged, and unlocks their keys with their recovery key. The admin
 * never sees the keys, the recovery key or the new passkey.
 */

/** What the admin gets: the link (shown once) and when it expires. */
export const RecoveryInvitation = z.object({ link: z.string(), expiresAt: Timestamp });
export type RecoveryInvitation = z.infer<typeof RecoveryInvitation>;

export const RecoveryOptionsRequest = z.strictObject({ token: InvitationToken });

/** Who the link recovers (a hint for the screen), and the registration options of the new passkey. */
export const RecoveryOptionsResponse = z.object({
  person: z.object({ id: Uuid, name: z.string() }),
  options: CeremonyOptions,
});
export type RecoveryOptionsResponse = z.infer<typeof RecoveryOptionsResponse>;

export const RecoveryVerifyRequest = z.strictObject({ token: InvitationToken, response: RegistrationResponse });
