import type { ContentKey } from '../../shared/crypto/content-key';
import type { DirectoryState } from '../../shared/directory/index';
import type { SessionView } from '../../shared/schemas/identity';
import type { TrustPins } from '../core/recipient-choice';
import { type GossipMemory, newGossipMemory } from './checkpoint-gossip';
import type { LogCheckResult } from './log-checker';
import type { ParleyHttp } from './parley-http';
import { VaultLockedError } from './person-session';
import type { StreamChain } from './stream-chain';
import { type UnlockedKeyring, unlockedKeyringOf } from './unlocked-keyring';

/** The person object the entries feature acts for (a `ParleyPerson`). */
export type EntriesOwner = {
  readonly http: ParleyHttp;
  readonly personId: string;
  readonly currentSession: SessionView | null;
  checkLog(): Promise<LogCheckResult>;
  /** The key directory proven under the accepted tree `trusted` (client/sdk/verified-directory). */
  directoryAt(trusted: LogCheckResult): Promise<DirectoryState>;
  /** Party roots and people this person verified out of band, for the recipient checks. */
  readonly pins: TrustPins;
};

/**
 * What one person's entry operations share: who they are, the streams verified so far (the head an
 * append extends, and what a later read must agree with), content keys disclosed to them, and
 * their log monitor.
 */
export class EntriesContext {
  readonly owner: EntriesOwner;
  readonly #chains = new Map<string, StreamChain>();
  /** Content keys disclosed to this person, by entry hash. */
  readonly grants = new Map<string, ContentKey>();
  /** Checkpoints carried in entries already proven consistent with this person's (checkpoint-gossip.ts). */
  readonly gossip: GossipMemory = newGossipMemory();

  constructor(owner: EntriesOwner) {
    this.owner = owner;
  }

  /** The unlocked keyring; throws `VaultLockedError` when the person is locked. */
  keyring(): UnlockedKeyring {
    const keyring = unlockedKeyringOf(this.owner);
    if (!keyring) {
      throw new VaultLockedError();
    }
    return keyring;
  }

  /** Advances the person's log monitor (one check at a time, see LogChecker). */
  checkLog(): Promise<LogCheckResult> {
    return this.owner.checkLog();
  }

  /** The directory proven under the tree the log monitor accepts now. */
  async directory(): Promise<{ trusted: LogCheckResult; directory: DirectoryState }> {
    const trusted = await this.owner.checkLog();
    return { trusted, directory: await this.owner.directoryAt(trusted) };
  }

  /** The last verified state of a stream, if any. */
  chain(streamId: string): StreamChain | undefined {
    return this.#chains.get(streamId);
  }

  /** Keeps a verified state of a stream unless a later one is already known. */
  remember(chain: StreamChain): void {
    const known = this.#chains.get(chain.streamId);
    if (!known || known.seq < chain.seq) {
      this.#chains.set(chain.streamId, chain);
    }
  }
}
