import { z } from 'zod';
import { MonitoredCheckpoint } from '../../shared/log/log-monitor';
import { Uuid } from '../../shared/schemas/common';
import { SeenUploads } from '../../shared/schemas/identity';
import { SoftwareAuthenticatorState } from './software-authenticator-state';

/** A pinned transparency log and the last checkpoint verified against it (see log-checker.ts). */
export const PinnedLogState = z.object({
  origin: z.string().min(1),
  verifierKey: z.string().min(1),
  /** The deployment's legacy boundary pinned with the key (docs/PROTOCOL.md §7.8). */
  legacyBefore: z.number().int().nonnegative().optional(),
  /** The last checkpoint verified against the pinned key, if any. */
  checkpoint: MonitoredCheckpoint.optional(),
});
export type PinnedLogState = z.infer<typeof PinnedLogState>;

/**
 * What `ParleyPerson.exportState()` saves for a CLI: the authenticator (private keys and PRF
 * secrets included), who the person is, the recovery key, the pinned log and the last version of
 * each vault copy seen (an older one offered later is refused as a rollback). Never the unlocked
 * keyring, which the vault on the server holds. It contains secrets: store it like a key.
 */
export const ParleyPersonState = z.object({
  version: z.literal(1),
  baseUrl: z.url(),
  origin: z.url(),
  rpId: z.string().optional(),
  personId: Uuid.optional(),
  recoveryKey: z.string().optional(),
  authenticator: SoftwareAuthenticatorState,
  log: PinnedLogState.optional(),
  uploads: SeenUploads.optional(),
});
export type ParleyPersonState = z.infer<typeof ParleyPersonState>;
