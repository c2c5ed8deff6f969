import type { UploadState } from '../../shared/crypto/signed-upload';
import type { SeenUploads } from '../../shared/schemas/identity';

/**
 * The last version of each of a person's stored uploads (vault copies) this SDK object saw or
 * made, kept in its exported state: a server that later offers an older one is refused
 * (shared/crypto/upload-rollback.ts).
 */
export class SeenUploadsMemory {
  readonly #seen: Map<string, UploadState>;

  constructor(initial: SeenUploads = {}) {
    this.#seen = new Map(Object.entries(initial));
  }

  /** The last upload seen in `slot`, if any. */
  seen(slot: string): UploadState | undefined {
    return this.#seen.get(slot);
  }

  /** Records an upload seen or made; never moves a slot back to an older version. */
  remember(slot: string, state: UploadState): void {
    const prior = this.#seen.get(slot);
    if (!prior || state.version >= prior.version) {
      this.#seen.set(slot, state);
    }
  }

  /** Everything seen, for the exported state. */
  export(): SeenUploads {
    return Object.fromEntries(this.#seen);
  }
}
