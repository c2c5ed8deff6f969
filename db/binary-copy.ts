// PostgreSQL's binary COPY output (https://www.postgresql.org/docs/15/sql-copy.html, "Binary
// Format") of a query with one column, split back into that column's bytes. node-postgres reads
// every result column as text, so a bytea arrives as hex twice its size; COPY's binary format
// carries the bytes as they are. No well-kept library parses the format as a stream of slices.

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_BYTES = SIGNATURE.length + 8;
const OIDS_AND_UNKNOWN_CRITICAL_FLAGS = 0xffff0000;

type State =
  | { readonly at: 'header' }
  | { readonly at: 'extension'; left: number }
  | { readonly at: 'tuple' }
  | { readonly at: 'length' }
  | { readonly at: 'value'; left: number }
  | { readonly at: 'ended' };

const FIXED_BYTES = { header: HEADER_BYTES, tuple: 2, length: 4 } as const;

/**
 * Feed it the COPY output's chunks in order; each call returns the slices of the column's bytes
 * that chunk held (views into it, not copies). `end()` says how many rows there were, and throws
 * if the output stopped short. Anything but one non-null column per row is refused.
 */
export class BinaryCopyColumn {
  #state: State = { at: 'header' };
  #fixed = Buffer.alloc(HEADER_BYTES);
  #fixedLength = 0;
  #rows = 0;

  push(chunk: Buffer): Buffer[] {
    const slices: Buffer[] = [];
    let at = 0;
    while (at < chunk.length) {
      const state = this.#state;
      if (state.at === 'ended') {
        throw new Error('binary COPY: bytes after the trailer');
      }
      if (state.at === 'value' || state.at === 'extension') {
        const take = Math.min(state.left, chunk.length - at);
        if (state.at === 'value') {
          slices.push(chunk.subarray(at, at + take));
        }
        at += take;
        state.left -= take;
        if (state.left === 0) {
          this.#state = { at: 'tuple' };
        }
        continue;
      }
      const need = FIXED_BYTES[state.at];
      const take = Math.min(need - this.#fixedLength, chunk.length - at);
      chunk.copy(this.#fixed, this.#fixedLength, at, at + take);
      this.#fixedLength += take;
      at += take;
      if (this.#fixedLength === need) {
        this.#fixedLength = 0;
        this.#state = this.#next(state.at);
      }
    }
    return slices;
  }

  /** The number of rows, once the trailer has been read. */
  end(): number {
    if (this.#state.at !== 'ended') {
      throw new Error('binary COPY: the output stopped before its trailer');
    }
    return this.#rows;
  }

  #next(completed: keyof typeof FIXED_BYTES): State {
    const fixed = this.#fixed;
    switch (completed) {
      case 'header': {
        if (!fixed.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
          throw new Error('binary COPY: not a binary COPY signature');
        }
        if ((fixed.readUInt32BE(SIGNATURE.length) & OIDS_AND_UNKNOWN_CRITICAL_FLAGS) !== 0) {
          throw new Error('binary COPY: unexpected header flags');
        }
        const extension = fixed.readUInt32BE(SIGNATURE.length + 4);
        return extension === 0 ? { at: 'tuple' } : { at: 'extension', left: extension };
      }
      case 'tuple': {
        const fields = fixed.readInt16BE(0);
        if (fields === -1) {
          return { at: 'ended' };
        }
        if (fields !== 1) {
          throw new Error(`binary COPY: a row of ${fields} columns, not 1`);
        }
        return { at: 'length' };
      }
      case 'length': {
        const length = fixed.readInt32BE(0);
        if (length < 0) {
          throw new Error('binary COPY: a null value');
        }
        this.#rows += 1;
        return length === 0 ? { at: 'tuple' } : { at: 'value', left: length };
      }
    }
  }
}
