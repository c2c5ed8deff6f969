import { API } from '../../shared/api/index';
import { fromBase64url } from '../../shared/encoding/bytes';
import { decodeCanonicalBase64 } from '../../shared/log/canonical-base64';
import { checkConsistency } from '../../shared/log/verify-consistency';
import { api } from '../api/transport';
import type { AcceptedCheckpoint } from '../crypto/directory';

// Pairs proven in this tab: every stream stored under the same checkpoint needs the proof once.
const proven = new Set<string>();

/**
 * Whether the tree of `stored` (the checkpoint a stored stream was proven under) is a prefix of the
 * tree of `accepted` (the one the log monitor accepts now), by an RFC 6962 consistency proof from
 * the server: then every entry proven included under `stored` is included under `accepted` too.
 * A refused or failing proof answers false, and the stream is read again in full.
 */
export const isConsistentWith = async (stored: AcceptedCheckpoint, accepted: AcceptedCheckpoint): Promise<boolean> => {
  const storedRoot = decodeCanonicalBase64(stored.rootHash);
  const acceptedRoot = decodeCanonicalBase64(accepted.rootHash);
  if (!storedRoot || !acceptedRoot || stored.treeSize < 1 || stored.treeSize > accepted.treeSize) {
    return false;
  }
  if (stored.treeSize === accepted.treeSize) {
    return stored.rootHash === accepted.rootHash;
  }
  const pair = JSON.stringify([stored.treeSize, stored.rootHash, accepted.treeSize, accepted.rootHash]);
  if (proven.has(pair)) {
    return true;
  }
  try {
    const { proof } = await api(API.consistencyProof, { query: { from: stored.treeSize, to: accepted.treeSize } });
    const check = checkConsistency(
      stored.treeSize,
      accepted.treeSize,
      proof.map(fromBase64url),
      storedRoot,
      acceptedRoot,
    );
    if (check.ok) {
      proven.add(pair);
    }
    return check.ok;
  } catch {
    return false;
  }
};
