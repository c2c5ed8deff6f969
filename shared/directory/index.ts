/** The key directory: one pure reducer shared by server, browser and offline verifier. */
export {
  type ApplyResult,
  applyKeyStatement,
  type DirectoryOptions,
  DirectoryState,
  emptyDirectory,
} from './directory-state';
export type { ChainHead, KeyRecord, PartyRecord } from './key-record';
export { type DirectoryFailure, verifyKeyDirectory } from './verify-directory';
