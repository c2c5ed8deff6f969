import type { EntryDraft } from '../../client/sdk/entry-draft';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import type { EntryType, StreamKind } from '../../shared/schemas/entry-type';
import { childRecord } from './sdk-entries';

/** An entry this helper wrote: its hash and where the server put it. */
export type WrittenEntry = {
  readonly label: string;
  readonly entryHash: string;
  readonly leafIndex: number;
  readonly stream: string;
  readonly streamKind: StreamKind;
  readonly seq: number;
  readonly type: EntryType;
};

/**
 * Writes entries as SDK people through the SDK's own entry calls (sealed to every member party's
 * people, receipts verified), and records where each landed, so that tests can tamper with a
 * named entry and check that it is named back.
 */
export class EntryWriter {
  readonly written: WrittenEntry[] = [];

  #record(label: string, at: Omit<WrittenEntry, 'label'>): WrittenEntry {
    const written = { label, ...at };
    this.written.push(written);
    return written;
  }

  /** Opens a case (staff) with a minimal child record. */
  async openCase(label: string, author: ParleyPerson, parties: readonly string[], reference: string) {
    const opened = await author.openCase({ reference, parties, record: childRecord('Olena') });
    const { streamId, entryHash, leafIndex } = opened;
    return this.#record(label, {
      entryHash,
      leafIndex,
      stream: streamId,
      streamKind: 'case',
      seq: 1,
      type: 'case_open',
    });
  }

  /** Opens a thread (envoys) between parties. */
  async openThread(label: string, author: ParleyPerson, parties: readonly string[]) {
    const { streamId, entryHash, leafIndex } = await author.openThread({ parties, subject: `Thread: ${label}` });
    return this.#record(label, {
      entryHash,
      leafIndex,
      stream: streamId,
      streamKind: 'thread',
      seq: 1,
      type: 'thread_open',
    });
  }

  /** Appends `draft` to a stream this writer opened. */
  async write<T extends EntryType>(label: string, author: ParleyPerson, stream: string, draft: EntryDraft<T>) {
    const before = this.written.filter((entry) => entry.stream === stream);
    const opening = before[0];
    if (!opening) {
      throw new Error(`${label}: stream ${stream} was not opened by this writer`);
    }
    const { entryHash, leafIndex } = await author.append(stream, draft);
    const seq = before.length + 1;
    return this.#record(label, { entryHash, leafIndex, stream, streamKind: opening.streamKind, seq, type: draft.type });
  }

  /** The entry written under `label`. */
  entry(label: string): WrittenEntry {
    const found = this.written.find((entry) => entry.label === label);
    if (!found) {
      throw new Error(`no entry labelled ${label}`);
    }
    return found;
  }
}
