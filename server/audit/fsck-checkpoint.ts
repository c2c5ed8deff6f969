import type { checkpoints } from '../../db/schema/index';
import { parseCheckpointBody } from '../../shared/log/checkpoint';
import { equalHashes } from '../../shared/log/hash-checks';

type Fail = (subject: string, reason: string) => void;

/**
 * Checks one stored checkpoint against the stored leaves at its size: its body and its stored root
 * are the root of those leaves, and its `key-statements` line, when it has one (docs/PROTOCOL.md
 * §9.1), counts exactly the key-statement leaves among them. A wrong count would let the server
 * tell clients that a withheld statement does not exist.
 */
export const checkStoredCheckpoint = (
  checkpoint: typeof checkpoints.$inferSelect,
  root: Uint8Array,
  keyStatementLeaves: number,
  fail: Fail,
): void => {
  const subject = `checkpoint ${checkpoint.treeSize}`;
  const body = parseCheckpointBody(`${checkpoint.note.split('\n\n')[0]}\n`);
  if (!body.ok || !equalHashes(body.checkpoint.rootHash, root) || !equalHashes(checkpoint.rootHash, root)) {
    fail(subject, 'its root is not the root of the stored leaves at that size (fork or rewrite)');
    return;
  }
  const counted = body.checkpoint.keyStatements;
  if (counted !== undefined && counted !== keyStatementLeaves) {
    fail(subject, `counts ${counted} key statements, but the stored leaves at that size hold ${keyStatementLeaves}`);
  }
};
