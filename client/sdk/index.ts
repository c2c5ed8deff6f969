/**
 * The Node SDK: a Parley person driven from Node for tests, CLIs and benchmarks. Unlocked keys
 * stay inside the SDK (see unlocked-keyring.ts), which is why that module is not exported here.
 */

export { UploadRefusedError } from '../../shared/crypto/upload-rollback';
export { EndorsementRefusedError } from './admin-operations';
export type { AttachmentSink } from './attachment-download';
export type { AttachmentOptions, AttachmentSource } from './attachment-upload';
export type { EnrolOptions } from './enrol-person';
export type { EntryDraft } from './entry-draft';
export {
  AppendConflictError,
  AttachmentIntegrityError,
  type EntryCheck,
  EntryNotReadableError,
  EntryVerificationError,
  PeopleHintError,
  ReceiptVerificationError,
  RecipientsBlockedError,
  RecipientsDeclinedError,
} from './entry-errors';
export { EntryNotice, type EventOptions, type EventSubscription } from './entry-events';
export { type LogCheckResult, LogConsistencyError, LogIdentityError, type PinnedLog } from './log-checker';
export type { ReadEntry } from './open-stream-entries';
export type { RotationResult } from './own-keys';
export { ParleyHttp, type ParleyHttpOptions } from './parley-http';
export { ParleyPerson, type ServerAddress } from './parley-person';
export type {
  AppendOptions,
  AppendResult,
  ChainConflict,
  DiscloseInput,
  OpenCaseInput,
  OpenThreadInput,
} from './person-entries';
export { VaultLockedError } from './person-session';
export { ParleyPersonState } from './person-state';
export { SeenUploadsMemory } from './seen-uploads';
export { SoftwareAuthenticator, type SoftwareAuthenticatorOptions } from './software-authenticator';
export { PrfUnavailableError } from './vault-prf';
export { DirectoryVerificationError } from './verified-directory';
export { WebAuthnError } from './webauthn-error';
export { withoutPrfResults } from './webauthn-json';
export { SplitViewError, type WitnessPins, type WitnessStatus } from './witness-status';
