import type { Tx } from '../../../db/client';
import type { PersonView } from '../../../shared/schemas/identity';
import { listPeople } from '../people';

/**
 * What a sequencer batch reads about people (with their current key ids), once per batch rather
 * than once per entry. Keys and people change only in transactions of their own, so inside one
 * batch's transaction they are read as of its first use, as a batch of one would read them. Stream
 * state is not here: entries of the batch change it, and the sequencer folds those changes itself.
 */
export class BatchLookups {
  readonly #people = new Map<string, PersonView | undefined>();

  constructor(private readonly tx: Tx) {}

  /** These people as the directory lists them (absent when unknown), fetching only those not read before. */
  async people(ids: readonly string[]): Promise<ReadonlyMap<string, PersonView | undefined>> {
    const missing = [...new Set(ids)].filter((id) => !this.#people.has(id));
    if (missing.length > 0) {
      const found = new Map((await listPeople(this.tx, missing)).map((person) => [person.id, person]));
      for (const id of missing) {
        this.#people.set(id, found.get(id));
      }
    }
    return new Map(ids.map((id) => [id, this.#people.get(id)]));
  }
}
