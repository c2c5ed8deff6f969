import { beforeAll, describe, expect, it } from 'vitest';
import { keyStatementHash } from '../crypto/key-statement';
import { initCrypto } from '../crypto/sodium';
import { fromBase64url, toBase64url } from '../encoding/bytes';
import type { Checkpoint } from '../log/checkpoint';
import { leafInput } from '../log/leaf';
import { hashLeaf } from '../log/merkle';
import { MerkleTree } from '../log/merkle-tree';
import type { SignedKeyStatement } from '../schemas/key-statement';
import { bootstrap, enrol, IDS, person, revoke } from './directory-fixtures';
import { type ListedStatement, proveDirectory } from './proven-directory';

beforeAll(initCrypto);

const ENTRY = (n: number) => hashLeaf(leafInput('entry', new Uint8Array(32).fill(n)));

/**
 * A log holding an admin's bootstrap, an envoy's enrolment and, later, the envoy's revocation,
 * with entries between them; and what an honest server would list.
 */
const world = () => {
  const admin = person(IDS.admin, 'admin');
  const envoy = person(IDS.envoy, 'envoy');
  const adminEnrol = bootstrap(admin);
  const envoyEnrol = enrol(envoy, admin);
  const envoyRevoke = revoke(envoy, envoyEnrol, admin);
  const tree = new MerkleTree();
  const positions = new Map<SignedKeyStatement, number>();
  const add = (signed: SignedKeyStatement) => {
    positions.set(signed, tree.append(hashLeaf(leafInput('key-statement', fromBase64url(keyStatementHash(signed))))));
  };
  add(adminEnrol);
  tree.append(ENTRY(1));
  add(envoyEnrol);
  tree.append(ENTRY(2));
  tree.append(ENTRY(3));
  const sizeBeforeRevoke = tree.size;
  add(envoyRevoke);
  tree.append(ENTRY(4));
  const checkpointAt = (treeSize: number, keyStatements?: number): Checkpoint => ({
    origin: 'test/log',
    treeSize,
    rootHash: tree.root(treeSize),
    ...(keyStatements === undefined ? {} : { keyStatements }),
  });
  const listed = (signed: SignedKeyStatement, treeSize = tree.size): ListedStatement => {
    const position = positions.get(signed) ?? -1;
    return { position, signed, proof: tree.inclusionProof(position, treeSize).map(toBase64url) };
  };
  return { admin, envoy, adminEnrol, envoyEnrol, envoyRevoke, tree, sizeBeforeRevoke, checkpointAt, listed };
};

describe('the key directory from the log alone', () => {
  it('accepts every statement proven at its position when they are as many as the checkpoint counts', () => {
    const w = world();
    const all = [w.listed(w.adminEnrol), w.listed(w.envoyEnrol), w.listed(w.envoyRevoke)];
    const proof = proveDirectory(null, w.checkpointAt(w.tree.size, 3), all);
    expect(proof.ok).toBe(true);
    expect(proof.ok && proof.directory.state.currentKey(IDS.envoy)).toBeUndefined();
  });

  it('names the withheld revocation as a count the server cannot meet', () => {
    const w = world();
    const proof = proveDirectory(null, w.checkpointAt(w.tree.size, 3), [
      w.listed(w.adminEnrol),
      w.listed(w.envoyEnrol),
    ]);
    expect(proof).toMatchObject({ ok: false, problems: [{ kind: 'withheld' }] });
    expect(proof.ok ? '' : proof.problems[0]?.reason).toMatch(/withholds 1 of the 3/);
  });

  it('refuses a checkpoint that does not count its statements', () => {
    const w = world();
    const proof = proveDirectory(null, w.checkpointAt(w.tree.size), [w.listed(w.adminEnrol)]);
    expect(proof).toMatchObject({ ok: false, problems: [{ kind: 'uncounted' }] });
  });

  it('names a forged admin and the envoy it endorsed, at positions that hold no such statements', () => {
    const w = world();
    const forgedAdmin = person('f0f0f0f0-f0f0-4f0f-8f0f-f0f0f0f0f0f0', 'admin', IDS.partyB);
    const planted = person('f1f1f1f1-f1f1-4f1f-8f1f-f1f1f1f1f1f1', 'envoy', IDS.partyB);
    const fake = (signed: SignedKeyStatement, position: number): ListedStatement => ({
      position,
      signed,
      proof: w.tree.inclusionProof(position).map(toBase64url),
    });
    const proof = proveDirectory(null, w.checkpointAt(w.tree.size, 5), [
      w.listed(w.adminEnrol),
      fake(bootstrap(forgedAdmin), 1),
      w.listed(w.envoyEnrol),
      fake(enrol(planted, forgedAdmin), 3),
      w.listed(w.envoyRevoke),
    ]);
    expect(proof.ok).toBe(false);
    const named = proof.ok ? [] : proof.problems.filter((p) => p.kind === 'not-in-log').map((p) => p.person?.id);
    expect(named).toEqual([forgedAdmin.id, planted.id]);
  });

  it('names statements listed out of order, or moved to another position', () => {
    const w = world();
    const swapped = proveDirectory(null, w.checkpointAt(w.tree.size, 3), [
      w.listed(w.envoyEnrol),
      w.listed(w.adminEnrol),
      w.listed(w.envoyRevoke),
    ]);
    expect(swapped.ok ? [] : swapped.problems.map((p) => p.kind)).toContain('out-of-order');
    const moved = { ...w.listed(w.envoyEnrol), position: 3 };
    const proof = proveDirectory(null, w.checkpointAt(w.tree.size, 3), [
      w.listed(w.adminEnrol),
      moved,
      w.listed(w.envoyRevoke),
    ]);
    expect(proof.ok ? [] : proof.problems.map((p) => [p.kind, p.person?.id])).toContainEqual(['not-in-log', IDS.envoy]);
  });

  it('extends an earlier proven directory with only the statements after it', () => {
    const w = world();
    const first = proveDirectory(null, w.checkpointAt(w.sizeBeforeRevoke, 2), [
      w.listed(w.adminEnrol, w.sizeBeforeRevoke),
      w.listed(w.envoyEnrol, w.sizeBeforeRevoke),
    ]);
    expect(first.ok).toBe(true);
    if (!first.ok) {
      return;
    }
    expect(first.directory.state.currentKey(IDS.envoy)).toBeDefined();
    const later = proveDirectory(first.directory, w.checkpointAt(w.tree.size, 3), [w.listed(w.envoyRevoke)]);
    expect(later.ok && later.directory.state.currentKey(IDS.envoy)).toBeUndefined();
    // The earlier state is untouched: the later directory is a copy.
    expect(first.directory.state.currentKey(IDS.envoy)).toBeDefined();
    const hidden = proveDirectory(first.directory, w.checkpointAt(w.tree.size, 3), []);
    expect(hidden).toMatchObject({ ok: false, problems: [{ kind: 'withheld' }] });
  });

  it('names a statement the rules refuse even when the log holds it', () => {
    const w = world();
    const tree = new MerkleTree();
    const stranger = person('e0e0e0e0-e0e0-4e0e-8e0e-e0e0e0e0e0e0', 'envoy', IDS.partyB);
    const crossParty = enrol(stranger, w.admin);
    for (const signed of [w.adminEnrol, crossParty]) {
      tree.append(hashLeaf(leafInput('key-statement', fromBase64url(keyStatementHash(signed)))));
    }
    const listed = [w.adminEnrol, crossParty].map((signed, position) => ({
      position,
      signed,
      proof: tree.inclusionProof(position).map(toBase64url),
    }));
    const proof = proveDirectory(null, { origin: 'o', treeSize: 2, rootHash: tree.root(), keyStatements: 2 }, listed);
    expect(proof).toMatchObject({
      ok: false,
      problems: [{ kind: 'refused', person: { id: stranger.id, name: crossParty.statement.name } }],
    });
  });
});
