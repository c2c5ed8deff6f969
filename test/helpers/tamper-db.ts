import pg from 'pg';
import type { LogSigner } from '../../server/log/log-key';
import { computeEntryHash } from '../../shared/crypto/entry-bytes';
import { generateIdentityKeys } from '../../shared/crypto/identity-keys';
import { keyStatementHash, signKeyStatement } from '../../shared/crypto/key-statement';
import { fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import { formatCheckpointBody } from '../../shared/log/checkpoint';
import { CompactTree } from '../../shared/log/compact-tree';
import { hashLeaf } from '../../shared/log/merkle';
import { signNote } from '../../shared/log/signed-note';
import type { EntryHeader } from '../../shared/schemas/entry';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';

/**
 * Tampering with a stopped server's PostgreSQL database as an operator with a superuser
 * connection would: `session_replication_role = replica` switches off the append-only triggers
 * (and the foreign-key triggers), so every change below lands.
 */
export const tamper = async (databaseUrl: string, change: (db: pg.Client) => Promise<void>): Promise<void> => {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('set session_replication_role = replica');
    await db.query('begin');
    await change(db);
    await db.query('commit');
  } finally {
    await db.end();
  }
};

const hashBytes = (entryHash: string) => Buffer.from(fromBase64url(entryHash));

/** Flips one bit in the middle of an entry's stored ciphertext. */
export const editCiphertext = (db: pg.Client, entryHash: string) =>
  db.query(
    'update entries set ciphertext = set_byte(ciphertext, length(ciphertext) / 2, get_byte(ciphertext, length(ciphertext) / 2) # 1) where hash = $1',
    [hashBytes(entryHash)],
  );

/** Rewrites an entry's signed header in place (`claimedAt` backdated); returns the hash it now has. */
export const editHeader = async (db: pg.Client, entryHash: string): Promise<string> => {
  const { rows } = (await db.query(
    `update entries set header = jsonb_set(header, '{claimedAt}', to_jsonb('2025-01-01T00:00:00.000Z'::text))
     where hash = $1 returning header, signature`,
    [hashBytes(entryHash)],
  )) as { rows: { header: EntryHeader; signature: string }[] };
  const [row] = rows;
  if (!row) {
    throw new Error(`no entry ${entryHash}`);
  }
  return computeEntryHash(row.header, row.signature);
};

/** Deletes an entry's row; its log leaf stays. */
export const deleteEntry = (db: pg.Client, entryHash: string) =>
  db.query('delete from entries where hash = $1', [hashBytes(entryHash)]);

/** Swaps two entries' places: their seq and leaf index (through free values, for the unique indexes). */
export const swapEntries = async (db: pg.Client, first: string, second: string) => {
  const place = 'select seq, leaf_index from entries where hash = $1';
  const [a] = (await db.query(place, [hashBytes(first)])).rows as { seq: number; leaf_index: string }[];
  const [b] = (await db.query(place, [hashBytes(second)])).rows as { seq: number; leaf_index: string }[];
  if (!a || !b) {
    throw new Error('both entries must exist');
  }
  const move = 'update entries set seq = $2, leaf_index = $3 where hash = $1';
  await db.query(move, [hashBytes(first), -1, -1]);
  await db.query(move, [hashBytes(second), a.seq, a.leaf_index]);
  await db.query(move, [hashBytes(first), b.seq, b.leaf_index]);
};

/**
 * Replaces the key statement at `position` with one that gives its person keys the operator
 * holds: same kind, seq and chain link, signed by the operator's new key, once in its own name
 * and once in the name of the key the statement must be signed by (whose secret it lacks).
 * Returns the replacement's hash.
 */
export const replaceStatement = async (db: pg.Client, position: number): Promise<string> => {
  const [row] = (await db.query('select signed from key_statements where position = $1', [position])).rows as {
    signed: SignedKeyStatement;
  }[];
  if (!row) {
    throw new Error(`no statement at ${position}`);
  }
  const keys = generateIdentityKeys();
  const statement = {
    ...row.signed.statement,
    keyId: keys.keyId,
    signKey: toBase64url(keys.signPublicKey),
    boxKey: toBase64url(keys.boxPublicKey),
  };
  const signatures = row.signed.signatures.map(({ signer, keyId }) =>
    signKeyStatement(statement, {
      person: signer,
      keyId: keyId === row.signed.statement.keyId ? keys.keyId : keyId,
      signSecretKey: keys.signSecretKey,
    }),
  );
  const signed: SignedKeyStatement = { statement, signatures };
  const hash = keyStatementHash(signed);
  await db.query('update key_statements set signed = $2, hash = $3, key_id = $4 where position = $1', [
    position,
    JSON.stringify(signed),
    hashBytes(hash),
    keys.keyId,
  ]);
  return hash;
};

/** Cuts the log back to its first `size` leaves: later leaves, nodes and checkpoints go; records stay. */
export const truncateLog = async (db: pg.Client, size: number) => {
  await db.query('delete from log_leaves where index >= $1', [size]);
  await db.query('delete from log_nodes where ((index + 1) << level::int) > $1', [size]);
  await db.query('delete from checkpoints where tree_size > $1', [size]);
};

/**
 * Replaces the latest checkpoint with one the real log key signs over another tree of the same
 * size: the stored leaves with leaf `index`'s record hash changed. The stored leaves and nodes
 * stay, so the server serves a forked tree head. Returns the forked note.
 */
export const forkLatestCheckpoint = async (db: pg.Client, signer: LogSigner, index: number): Promise<string> => {
  const { rows } = (await db.query('select kind, record_hash from log_leaves order by index')) as {
    rows: { kind: number; record_hash: Buffer }[];
  };
  const tree = new CompactTree();
  for (const [at, leaf] of rows.entries()) {
    const record = Uint8Array.from(leaf.record_hash);
    if (at === index) {
      record[0] = (record[0] ?? 0) ^ 0x01;
    }
    tree.append(hashLeaf(Uint8Array.of(0x01, leaf.kind, ...record)));
  }
  const rootHash = tree.root();
  const body = formatCheckpointBody({ origin: signer.name, treeSize: tree.size, rootHash });
  const note = signNote(body, signer.name, signer.sign, signer.publicKey);
  await db.query('delete from checkpoints where tree_size = $1', [tree.size]);
  await db.query('insert into checkpoints (tree_size, root_hash, note) values ($1, $2, $3)', [
    tree.size,
    Buffer.from(rootHash),
    note,
  ]);
  return note;
};

/** A copy of the database `sourceUrl` names (no one may be connected to it), and how to drop it. */
export const copyDatabase = async (sourceUrl: string): Promise<{ url: string; drop(): Promise<void> }> => {
  const source = new URL(sourceUrl);
  const name = `${source.pathname.slice(1)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new URL(sourceUrl);
  admin.pathname = '/postgres';
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name} template ${source.pathname.slice(1)}`);
  const url = new URL(sourceUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
};
