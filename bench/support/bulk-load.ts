import { readFileSync } from 'node:fs';
import type { Database } from '../../db/client';
import { entries, streamMemberships, streams } from '../../db/schema/index';
import type { SignedCheckpoint, TransparencyLog } from '../../server/log/transparency-log';
import { fromBase64url } from '../../shared/encoding/bytes';
import type { SignedEntry } from '../../shared/schemas/entry';

/** A signed entry and its hash, one per line of a sealing worker's `entries` file. */
export type SealedLine = { readonly entryHash: string; readonly entry: SignedEntry };

/** The lines of an `entries` file. */
export const readSealedLines = (file: string): SealedLine[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as SealedLine);

/** Appends record hashes as `entry` leaves through the server's own log code, in one transaction. */
export const appendLeaves = (
  database: Database,
  log: TransparencyLog,
  hashes: readonly Uint8Array[],
): Promise<SignedCheckpoint> =>
  database.transaction(
    async (tx) =>
      (
        await log.append(
          tx,
          hashes.map((hash) => ({ kind: 'entry' as const, hash })),
        )
      ).checkpoint,
  );

/**
 * Stores signed entries as `appendEntry` stores each one (stream, memberships, log leaf, entry
 * row), a batch per transaction. Only the per-request checks are skipped; the benchmark's offline
 * verifier then checks every signature, chain link and inclusion proof.
 */
export const storeEntries = (database: Database, log: TransparencyLog, batch: readonly SealedLine[]) =>
  database.transaction(async (tx) => {
    const openings = batch.map((line) => line.entry.header).filter((header) => header.seq === 1);
    if (openings.length > 0) {
      await tx.insert(streams).values(
        openings.map((header) => ({
          id: header.stream,
          kind: header.streamKind,
          reference: header.meta.reference ?? '',
        })),
      );
      await tx.insert(streamMemberships).values(
        openings.flatMap((header) =>
          (header.meta.members ?? []).map((partyId) => ({
            streamId: header.stream,
            seq: 1,
            partyId,
            change: 'add' as const,
          })),
        ),
      );
    }
    const leaves = batch.map((line) => ({ kind: 'entry' as const, hash: fromBase64url(line.entryHash) }));
    const { firstIndex, checkpoint } = await log.append(tx, leaves);
    const receivedAt = new Date();
    await tx.insert(entries).values(
      batch.map(({ entryHash, entry: { header, signature, ciphertext } }, offset) => ({
        hash: fromBase64url(entryHash),
        id: header.id,
        streamId: header.stream,
        seq: header.seq,
        type: header.type,
        authorId: header.author.person,
        authorParty: header.author.party,
        keyId: header.author.keyId,
        leafIndex: firstIndex + offset,
        header,
        signature,
        ciphertext: fromBase64url(ciphertext),
        receivedAt,
      })),
    );
    return checkpoint;
  });
