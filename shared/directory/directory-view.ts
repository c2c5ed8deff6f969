/**
 * What the statement rules read from the directory as it stands before a statement.
 * Spec: docs/PROTOCOL.md#7-key-directory-statements
 */
import type { ChainHead, KeyRecord, PartyRecord } from './key-record';

export type DirectoryView = {
  keyRecord(keyId: string): KeyRecord | undefined;
  keyWithPublicKey(publicKey: string): KeyRecord | undefined;
  currentKey(person: string): KeyRecord | undefined;
  headOf(person: string): ChainHead | undefined;
  /** The party's root and threshold, once it has a root. */
  partyRecord(party: string): PartyRecord | undefined;
  /** The party's admins who may sign for it: current admin keys vouched for along its chain. */
  partyAdmins(party: string): KeyRecord[];
};
