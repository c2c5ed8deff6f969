import type { Db } from '../../../db/client';
import { currentKeyOf, type PersonKey } from '../person-keys';

/**
 * The signing keys of entry authors, remembered by person and key id. A key id is derived from the
 * keys it names (checked when its statement is accepted), so what a person's key id names never
 * changes and may be remembered across requests and processes. Whether that key is still the
 * author's current one is not remembered: the sequencer checks it for every entry, under the log's
 * lock, and refuses an entry signed with a key that was rotated or revoked since.
 */
export class AuthorKeys {
  readonly #known = new Map<string, string>();

  constructor(
    private readonly limit = 10_000,
    private readonly readCurrent: (db: Db, personId: string) => Promise<PersonKey | null> = currentKeyOf,
  ) {}

  /** The signing key (base64url) of `keyId` if it is, or was when first asked, the person's current key. */
  async signKeyOf(db: Db, personId: string, keyId: string): Promise<string | undefined> {
    const name = `${personId} ${keyId}`;
    const known = this.#known.get(name);
    if (known !== undefined) {
      this.#known.delete(name); // most recently used last, for the eviction below
      this.#known.set(name, known);
      return known;
    }
    const current = await this.readCurrent(db, personId);
    if (current?.keyId !== keyId) {
      return undefined;
    }
    if (this.#known.size >= this.limit) {
      this.#known.delete(this.#known.keys().next().value as string);
    }
    this.#known.set(name, current.signKey);
    return current.signKey;
  }
}
