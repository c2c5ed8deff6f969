/** The key directory: one pure reducer shared by server, browser and offline verifier. */
export { type ApplyResult, applyKeyStatement, DirectoryState, emptyDirectory } from './directory-state';
export type { ChainHead, KeyRecord } from './key-record';
export { type DirectoryFailure, verifyKeyDirectory } from './verify-directory';
