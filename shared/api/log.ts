import { z } from 'zod';
import { Count, Hash32 } from '../schemas/common';
import {
  CheckpointView,
  ConsistencyProof,
  CosignedCheckpointView,
  InclusionProof,
  LeafView,
  LogIdentity,
} from '../schemas/log';
import { ANY_PERSON_OR_PENDING, PUBLIC } from './access';
import { defineRoute } from './route';

export const logRoutes = {
  logIdentity: defineRoute({
    method: 'GET',
    path: '/api/log/identity',
    tag: 'log',
    access: PUBLIC,
    summary: "The log's origin and public key, for clients to pin",
    response: LogIdentity,
  }),
  latestCheckpoint: defineRoute({
    method: 'GET',
    path: '/api/log/checkpoint',
    tag: 'log',
    access: ANY_PERSON_OR_PENDING,
    summary: 'The latest signed checkpoint',
    response: CheckpointView,
  }),
  cosignedCheckpoint: defineRoute({
    method: 'GET',
    path: '/api/log/checkpoint/cosigned',
    tag: 'log',
    access: ANY_PERSON_OR_PENDING,
    summary: 'The latest checkpoint a witness cosigned, with every cosignature collected for it (null: none yet)',
    response: CosignedCheckpointView,
  }),
  inclusionProof: defineRoute({
    method: 'GET',
    path: '/api/log/inclusion',
    tag: 'log',
    access: ANY_PERSON_OR_PENDING,
    summary: 'Inclusion proof of a leaf (by index or record hash) in the tree of a given size',
    query: z.object({
      treeSize: z.coerce.number().int().min(1),
      index: z.coerce.number().int().min(0).optional(),
      hash: Hash32.optional(),
    }),
    response: InclusionProof,
    problems: ['notFound'],
  }),
  consistencyProof: defineRoute({
    method: 'GET',
    path: '/api/log/consistency',
    tag: 'log',
    access: ANY_PERSON_OR_PENDING,
    summary: 'Consistency proof between two tree sizes',
    query: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
    response: ConsistencyProof,
  }),
  leaves: defineRoute({
    method: 'GET',
    path: '/api/log/leaves',
    tag: 'log',
    access: ANY_PERSON_OR_PENDING,
    summary: 'Leaves in [start, end), at most 1000',
    query: z.object({ start: z.coerce.number().int().min(0), end: z.coerce.number().int().min(1) }),
    response: z.object({ leaves: z.array(LeafView), treeSize: Count }),
  }),
};
