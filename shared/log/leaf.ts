import { concatBytes } from '../encoding/bytes';

/** What a log leaf records: an entry or a key-directory statement. */
export type LeafKind = 'entry' | 'key-statement';

const KIND_BYTE: Readonly<Record<LeafKind, number>> = { entry: 0x01, 'key-statement': 0x02 };
const LEAF_FORMAT_V1 = 0x01;

/**
 * The leaf input of the transparency log (docs/PROTOCOL.md, "Transparency log"): a version byte,
 * a kind byte and the record's 32-byte hash. Fixed length, so no canonicalisation is involved.
 * The leaf hash is RFC 6962's SHA-256(0x00 || this).
 */
export const leafInput = (kind: LeafKind, recordHash: Uint8Array): Uint8Array => {
  if (recordHash.length !== 32) {
    throw new RangeError('a record hash is 32 bytes');
  }
  return concatBytes(new Uint8Array([LEAF_FORMAT_V1, KIND_BYTE[kind]]), recordHash);
};

/** The database and wire code of a leaf kind. */
export const leafKindCode = (kind: LeafKind): number => KIND_BYTE[kind];

/** The leaf kind of a code, or undefined for an unknown one. */
export const leafKindOf = (code: number): LeafKind | undefined =>
  code === 0x01 ? 'entry' : code === 0x02 ? 'key-statement' : undefined;
