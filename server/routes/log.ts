import { logRoutes } from '../../shared/api/log';
import { toBase64url } from '../../shared/encoding/bytes';
import { leafKindOf } from '../../shared/log/leaf';
import type { ServerContext } from '../context';
import { type Implementation, implement } from '../http/api-router';
import type { SignedCheckpoint, TransparencyLog } from '../log/transparency-log';
import { ProblemError } from '../problems';
import type { CosignatureCollector } from '../witness-collector/cosignature-collector';
import { latestCosignedSize } from '../witness-collector/cosignature-store';

const MAX_LEAVES = 1000;

export const checkpointView = (checkpoint: SignedCheckpoint) => ({
  note: checkpoint.note,
  treeSize: checkpoint.treeSize,
  rootHash: toBase64url(checkpoint.rootHash),
});

export const logHandlers = (
  context: ServerContext,
  log: TransparencyLog,
  cosignatures?: CosignatureCollector,
): Implementation[] => {
  const db = context.database.db;
  /** The checkpoint with the witness cosignature lines collected for it (docs/PROTOCOL.md §9.3). */
  const cosignedView = async (checkpoint: SignedCheckpoint) =>
    checkpointView(cosignatures ? { ...checkpoint, note: await cosignatures.cosignedNote(checkpoint) } : checkpoint);
  return [
    implement(logRoutes.logIdentity, () => ({ origin: log.signer.name, verifierKey: log.signer.verifierKey })),
    implement(logRoutes.latestCheckpoint, async () => cosignedView((await log.latest(db)) ?? log.emptyCheckpoint())),
    implement(logRoutes.cosignedCheckpoint, async () => {
      const size = await latestCosignedSize(db);
      const checkpoint = size === undefined ? null : await log.checkpointAt(db, size);
      return { checkpoint: checkpoint === null ? null : await cosignedView(checkpoint) };
    }),
    implement(logRoutes.inclusionProof, async ({ query }) => {
      const index =
        query.index ??
        (query.hash === undefined ? undefined : await log.indexOf(db, Buffer.from(query.hash, 'base64url')));
      if (index === undefined) {
        throw new ProblemError(
          query.hash ? 'notFound' : 'validation',
          query.hash ? 'No leaf records this hash' : 'Give index or hash',
        );
      }
      const proof = await log.inclusionProof(db, index, query.treeSize);
      return { leafIndex: index, treeSize: query.treeSize, proof: proof.map(toBase64url) };
    }),
    implement(logRoutes.consistencyProof, async ({ query }) => ({
      from: query.from,
      to: query.to,
      proof: (await log.consistencyProof(db, query.from, query.to)).map(toBase64url),
    })),
    implement(logRoutes.leaves, async ({ query }) => {
      if (query.end <= query.start || query.end - query.start > MAX_LEAVES) {
        throw new ProblemError('validation', `Ask for 1 to ${MAX_LEAVES} leaves with start < end`);
      }
      const treeSize = (await log.latest(db))?.treeSize ?? 0;
      const leaves = await log.leaves(db, query.start, Math.min(query.end, treeSize));
      return {
        treeSize,
        leaves: leaves.map((leaf) => ({
          index: leaf.index,
          kind: knownKind(leaf.kind),
          recordHash: leaf.recordHash,
        })),
      };
    }),
  ];
};

const knownKind = (code: number) => {
  const kind = leafKindOf(code);
  if (!kind) {
    throw new Error(`log leaf of unknown kind ${code}`);
  }
  return kind;
};
