/**
 * The signed request that removes one of a person's passkeys. Spec: docs/PROTOCOL.md#85-storing-copies
 */
import { canonicalBytes } from '../encoding/canonical';

/** Tag of the signature over a passkey removal (docs/PROTOCOL.md §8.5). */
export const PASSKEY_REMOVAL_TAG = 'parley/passkey-removal/v1';

/**
 * What a person signs, with their current key, to remove one of their passkeys: who, which
 * passkey, and a single-use challenge the server issued to them, so that a captured removal
 * cannot be replayed and a stolen session alone cannot lock its owner out of a device.
 */
export const passkeyRemovalMessage = (personId: string, credentialId: string, challenge: string): Uint8Array =>
  canonicalBytes({ person: personId, credentialId, challenge });
