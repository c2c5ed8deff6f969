/**
 * The keys of attachments this tab has decrypted entries for, by handle (`entryHash/uploadId`).
 * Components hold only the handle; the key stays here and is dropped when the keyring locks.
 */
import type { AttachmentRef } from '../../shared/content/attachment-ref';
import { getKeyStatus, subscribeKeyStatus } from '../crypto/keyring-store';

const refs = new Map<string, AttachmentRef>();
let isWatchingLock = false;

/** The handle of an attachment carried by an entry: what view models and components see. */
export const attachmentHandle = (entryHash: string, uploadId: string): string => `${entryHash}/${uploadId}`;

/** Keeps the refs of a verified, decrypted entry until the keys lock. */
export const rememberAttachments = (entryHash: string, carried: readonly AttachmentRef[]): void => {
  if (!isWatchingLock) {
    isWatchingLock = true;
    subscribeKeyStatus(() => {
      if (getKeyStatus().state === 'locked') {
        refs.clear();
      }
    });
  }
  for (const ref of carried) {
    refs.set(attachmentHandle(entryHash, ref.id), ref);
  }
};

/** The ref behind a handle, or undefined when its entry was not opened in this unlocked session. */
export const attachmentRefOf = (handle: string): AttachmentRef | undefined => refs.get(handle);
