/**
 * The witness's durable state: per log origin, the latest checkpoint it cosigned, and the evidence
 * of every refused checkpoint the log signed that conflicts with it (c2sp.org/tlog-witness: the
 * witness "MAY log the request ... as it might be proof of log misbehavior"). One JSON file,
 * replaced atomically: written to a temporary file, fsync'd, renamed over the old one, and the
 * directory fsync'd, so a crash leaves either the old state or the new one, never a mix.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

const CosignedCheckpoint = z.strictObject({
  treeSize: z.number().int().nonnegative(),
  rootHash: z.string(),
  note: z.string(),
});

const Evidence = z.strictObject({
  recordedAt: z.string(),
  origin: z.string(),
  reason: z.string(),
  cosigned: z.string(),
  offered: z.string(),
  request: z.string(),
});

/** What the witness keeps across restarts. */
export const WitnessState = z.strictObject({
  version: z.literal(1),
  logs: z.record(z.string(), CosignedCheckpoint),
  evidence: z.array(Evidence),
});
export type WitnessState = z.infer<typeof WitnessState>;
export type WitnessEvidence = z.infer<typeof Evidence>;

const EMPTY_STATE: WitnessState = { version: 1, logs: {}, evidence: [] };

/**
 * Reads the state file; a missing file is the empty state (a new witness). Throws an Error with one
 * line when the file exists but is not a witness state: a witness must never start over silently,
 * or it would cosign a fork of what it cosigned before.
 */
export const readWitnessState = (path: string): WitnessState => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return structuredClone(EMPTY_STATE);
    }
    throw new Error(`cannot read the state file ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`the state file ${path} is not JSON: restore it from a backup, never delete it`);
  }
  const parsed = WitnessState.safeParse(json);
  if (!parsed.success) {
    throw new Error(`the state file ${path} is not a witness state (version 1): restore it from a backup`);
  }
  return parsed.data;
};

const fsyncPath = (path: string, flags: string): void => {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/** Replaces the state file atomically and durably. */
export const writeWitnessState = (path: string, state: WitnessState): void => {
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
  fsyncPath(dirname(path), 'r');
};
