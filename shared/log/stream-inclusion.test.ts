import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { toBase64url, utf8Bytes } from '../encoding/bytes';
import type { StreamInclusionProof } from '../schemas/log';
import { leafInput } from './leaf';
import { hashLeaf } from './merkle';
import { MerkleTree } from './merkle-tree';
import { checkStreamEntryInclusion, collectStreamProofs, STREAM_PROOFS_PAGE } from './stream-inclusion';

// A log of 2,500 leaves; the stream's 1,200 entries are every other leaf, seq 1 at leaf 3.
const recordHash = (index: number) => sha256(utf8Bytes(`leaf ${index}`));
const tree = new MerkleTree(
  Array.from({ length: 2500 }, (_, index) => hashLeaf(leafInput('entry', recordHash(index)))),
);
const checkpoint = { treeSize: tree.size, rootHash: tree.root() };
const stream = Array.from({ length: 1200 }, (_, at) => ({
  seq: at + 1,
  leafIndex: 3 + 2 * at,
  entryHash: toBase64url(recordHash(3 + 2 * at)),
}));
const honestProof = ({ seq, leafIndex }: (typeof stream)[number]): StreamInclusionProof => ({
  seq,
  leafIndex,
  proof: tree.inclusionProof(leafIndex).map(toBase64url),
});

/** A server answering pages of `limit` proofs after a seq, recording what it was asked. */
const pagedServer = (proofOf = honestProof) => {
  const asked: number[] = [];
  const fetchPage = async (after: number) => {
    asked.push(after);
    return stream
      .filter((entry) => entry.seq > after)
      .slice(0, STREAM_PROOFS_PAGE)
      .map(proofOf);
  };
  return { asked, fetchPage };
};

describe('collectStreamProofs', () => {
  it('follows pages until a short one, from the seq it is given', async () => {
    const server = pagedServer();
    const proofs = await collectStreamProofs(server.fetchPage, 0);
    expect(server.asked).toEqual([0, STREAM_PROOFS_PAGE]);
    expect([...proofs.keys()]).toEqual(stream.map((entry) => entry.seq));
    const fromMiddle = pagedServer();
    const tail = await collectStreamProofs(fromMiddle.fetchPage, 450);
    expect(fromMiddle.asked).toEqual([450]);
    expect([...tail.keys()]).toEqual(stream.slice(450).map((entry) => entry.seq));
  });

  it('asks for no page after the one that reaches the last seq needed', async () => {
    const exact = pagedServer();
    const proofs = await collectStreamProofs(exact.fetchPage, 0, STREAM_PROOFS_PAGE);
    expect(exact.asked).toEqual([0]);
    expect([...proofs.keys()]).toEqual(stream.slice(0, STREAM_PROOFS_PAGE).map((entry) => entry.seq));
    const beyond = pagedServer();
    await collectStreamProofs(beyond.fetchPage, 0, STREAM_PROOFS_PAGE + 1);
    expect(beyond.asked).toEqual([0, STREAM_PROOFS_PAGE]);
  });

  it('stops on a full page that does not move past the cursor, instead of asking forever', async () => {
    let calls = 0;
    const stuck = stream.slice(0, STREAM_PROOFS_PAGE).map(honestProof);
    await collectStreamProofs(async () => {
      calls += 1;
      return stuck;
    }, 2000);
    expect(calls).toBe(1);
  });
});

describe('checkStreamEntryInclusion', () => {
  it('accepts every honest proof of the stream', async () => {
    const proofs = await collectStreamProofs(pagedServer().fetchPage, 0);
    for (const entry of stream) {
      expect(checkStreamEntryInclusion(checkpoint, entry, proofs), `seq ${entry.seq}`).toEqual({ ok: true });
    }
  });

  it('refuses a missing proof, another leaf, an altered or truncated path, another entry and another root', async () => {
    const proofs = await collectStreamProofs(pagedServer().fetchPage, 0);
    const entry = stream[7] as (typeof stream)[number];
    const proof = proofs.get(entry.seq) as StreamInclusionProof;
    const withProof = (changed: StreamInclusionProof) => new Map([[entry.seq, changed]]);
    const flipped = [...proof.proof];
    flipped[2] = toBase64url(sha256(utf8Bytes('not a node')));
    const refusals = [
      checkStreamEntryInclusion(checkpoint, entry, new Map()),
      checkStreamEntryInclusion(checkpoint, entry, withProof({ ...proof, leafIndex: proof.leafIndex + 1 })),
      checkStreamEntryInclusion(
        checkpoint,
        { ...entry, leafIndex: entry.leafIndex + 1 },
        withProof({ ...proof, leafIndex: entry.leafIndex + 1 }),
      ),
      checkStreamEntryInclusion(checkpoint, entry, withProof({ ...proof, proof: flipped })),
      checkStreamEntryInclusion(checkpoint, entry, withProof({ ...proof, proof: proof.proof.slice(0, -1) })),
      checkStreamEntryInclusion(checkpoint, { ...entry, entryHash: toBase64url(recordHash(9999)) }, proofs),
      checkStreamEntryInclusion({ treeSize: tree.size, rootHash: tree.root(tree.size - 1) }, entry, proofs),
    ];
    expect(refusals.map((check) => check.ok)).toEqual(refusals.map(() => false));
    expect(refusals[0]).toMatchObject({ reason: /no proof for seq 8/ });
    expect(refusals[1]).toMatchObject({ reason: /leaf 18, the stream at 17/ });
  });
});
