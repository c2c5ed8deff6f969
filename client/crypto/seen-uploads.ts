/**
 * The last version of each of a person's stored uploads (vault copies, the verified-contacts list)
 * this browser saw or made, in localStorage per person: a server that later offers an older one
 * is refused (shared/crypto/upload-rollback.ts, docs/PROTOCOL.md §8.5). Versions and hashes are
 * public metadata: no key or content is stored.
 */
import type { UploadState } from '../../shared/crypto/signed-upload';
import { SeenUploads } from '../../shared/schemas/identity';

const storageKey = (personId: string) => `parley.uploads.v1 ${personId}`;

const readAll = (personId: string): SeenUploads => {
  const text = localStorage.getItem(storageKey(personId));
  if (text === null) {
    return {};
  }
  try {
    return SeenUploads.parse(JSON.parse(text));
  } catch {
    // Altered beyond parsing: start again rather than lock the person out; the server cannot write here.
    return {};
  }
};

/** The last upload of `slot` this browser saw for the person, if any. */
export const seenUpload = (personId: string, slot: string): UploadState | undefined => readAll(personId)[slot];

/** Records an upload seen or made; never moves a slot back to an older version. */
export const rememberUpload = (personId: string, slot: string, state: UploadState): void => {
  const all = readAll(personId);
  const prior = all[slot];
  if (!prior || state.version >= prior.version) {
    localStorage.setItem(storageKey(personId), JSON.stringify({ ...all, [slot]: state }));
  }
};
