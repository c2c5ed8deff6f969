import { z } from 'zod';
import { Count, Hash32 } from './common';

/** A signed checkpoint (C2SP signed note) with its parsed tree size and root, for convenience only. */
export const CheckpointView = z.object({
  note: z.string().max(4096),
  treeSize: Count,
  rootHash: Hash32,
});
export type CheckpointView = z.infer<typeof CheckpointView>;

/** The latest checkpoint a witness cosigned, or null while none has: a normal state, not an error. */
export const CosignedCheckpointView = z.object({ checkpoint: CheckpointView.nullable() });
export type CosignedCheckpointView = z.infer<typeof CosignedCheckpointView>;

export const LogIdentity = z.object({
  origin: z.string(),
  /** `name+keyhash+base64(0x01||key)`: what clients pin. */
  verifierKey: z.string(),
});

export const InclusionProof = z.object({
  leafIndex: Count,
  treeSize: Count,
  proof: z.array(Hash32).max(64),
});
export type InclusionProof = z.infer<typeof InclusionProof>;

/** The inclusion proof of one entry of a stream, named by its seq. */
export const StreamInclusionProof = InclusionProof.omit({ treeSize: true }).extend({ seq: Count });
export type StreamInclusionProof = z.infer<typeof StreamInclusionProof>;

export const ConsistencyProof = z.object({
  from: Count,
  to: Count,
  proof: z.array(Hash32).max(128),
});
export type ConsistencyProof = z.infer<typeof ConsistencyProof>;

export const LeafView = z.object({
  index: Count,
  kind: z.enum(['entry', 'key-statement']),
  recordHash: Hash32,
});

/** What every append answers with: proofs, never promises. */
export const AppendReceipt = z.object({
  leafIndex: Count,
  inclusion: InclusionProof,
  checkpoint: CheckpointView,
});
export type AppendReceipt = z.infer<typeof AppendReceipt>;
