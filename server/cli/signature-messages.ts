// What the signature pool and its workers send each other: the bundle text once, in shared
// memory, and the verdicts packed into a few buffers, so that neither side copies an object per entry.
import type { EntrySignatureVerdict } from '../../shared/audit/signature-verdicts';

/** Part `part` of `parts` of the entries of the bundle whose UTF-8 text is in `text`. */
export type SignatureJob = {
  readonly text: SharedArrayBuffer;
  readonly length: number;
  readonly part: number;
  readonly parts: number;
};

/** Verdicts packed: verdict i has header bytes `headerBytes[ends[i-1] .. ends[i]]`. */
export type PackedVerdicts = {
  readonly headerBytes: Uint8Array<ArrayBuffer>;
  readonly ends: Uint32Array<ArrayBuffer>;
  readonly valid: Uint8Array<ArrayBuffer>;
  readonly signatures: readonly string[];
  readonly signKeys: readonly string[];
};

export const packVerdicts = (verdicts: readonly EntrySignatureVerdict[]): PackedVerdicts => {
  const ends = new Uint32Array(verdicts.length);
  let total = 0;
  verdicts.forEach((verdict, at) => {
    total += verdict.headerBytes.length;
    ends[at] = total;
  });
  const headerBytes = new Uint8Array(total);
  verdicts.forEach((verdict, at) => {
    headerBytes.set(verdict.headerBytes, at === 0 ? 0 : (ends[at - 1] as number));
  });
  return {
    headerBytes,
    ends,
    valid: Uint8Array.from(verdicts, (verdict) => (verdict.valid ? 1 : 0)),
    signatures: verdicts.map((verdict) => verdict.signature),
    signKeys: verdicts.map((verdict) => verdict.signKey),
  };
};

export function* unpackVerdicts(packed: PackedVerdicts): Generator<EntrySignatureVerdict> {
  for (let at = 0; at < packed.ends.length; at += 1) {
    yield {
      headerBytes: packed.headerBytes.subarray(at === 0 ? 0 : packed.ends[at - 1], packed.ends[at]),
      signature: packed.signatures[at] as string,
      signKey: packed.signKeys[at] as string,
      valid: packed.valid[at] === 1,
    };
  }
}
