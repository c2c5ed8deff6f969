/** The key directory: one pure reducer shared by server, browser and offline verifier. */
export {
  type ApplyResult,
  applyKeyStatement,
  type DirectoryOptions,
  DirectoryState,
  emptyDirectory,
} from './directory-state';
export type { ChainHead, KeyRecord, PartyRecord } from './key-record';
export {
  type DirectoryProblem,
  type DirectoryProof,
  type ListedStatement,
  type ProvenDirectory,
  proveDirectory,
} from './proven-directory';
export { type DirectoryFailure, verifyKeyDirectory } from './verify-directory';
