import type { UploadPosition } from '../../shared/crypto/upload-signature';
import { ProblemError } from '../problems';

/**
 * Refuses a signed upload that is not exactly the next of its slot: an older one replayed (by a
 * stolen session, or a server operator's script), or one that lost a race with another device.
 */
export const assertNextUpload = (what: string, expected: UploadPosition, offered: UploadPosition): void => {
  if (offered.version !== expected.version || offered.previousHash !== expected.previousHash) {
    const stored = expected.version - 1;
    throw new ProblemError(
      'conflict',
      offered.version === expected.version
        ? `This ${what} does not name the stored version ${stored} as the one it replaces: fetch it and sign again`
        : `This ${what} is version ${offered.version}, but the next after the stored version ${stored} is ${expected.version}: an older upload cannot be stored again`,
    );
  }
};
