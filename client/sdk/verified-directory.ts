import type { DirectoryState, ProvenDirectory } from '../../shared/directory/index';
import { syncDirectory } from '../core/directory-sync';
import type { LogCheckResult } from './log-checker';
import type { ParleyHttp } from './parley-http';

export { DirectoryVerificationError } from '../core/directory-sync';

/**
 * One person's key directory, taken from the log alone (client/core/directory-sync): proven under
 * each tree their log monitor accepts, extended from the last one with only what is new.
 */
export class VerifiedDirectory {
  #proven: ProvenDirectory | null = null;
  #turn: Promise<unknown> = Promise.resolve();

  /**
   * The directory as of the accepted tree `trusted`.
   *
   * @throws {DirectoryVerificationError} naming every statement forged, moved, withheld or refused.
   */
  at(http: ParleyHttp, trusted: LogCheckResult): Promise<DirectoryState> {
    const turn = this.#turn.then(async () => {
      if (this.#proven && this.#proven.treeSize > trusted.treeSize) {
        return this.#proven.state;
      }
      const trust = {
        pinnedKey: trusted.pinned.verifierKey,
        expectedOrigin: trusted.pinned.origin,
        legacyBefore: trusted.pinned.legacyBefore ?? 0,
      };
      this.#proven = await syncDirectory(http.transport, trusted, trust, this.#proven);
      return this.#proven.state;
    });
    this.#turn = turn.catch(() => undefined);
    return turn;
  }
}
