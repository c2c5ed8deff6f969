import { EntryVerificationError } from '../../client/sdk/entry-errors';
import { LogConsistencyError } from '../../client/sdk/log-checker';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { DirectoryVerificationError } from '../../client/sdk/verified-directory';

/** Something the client refused: what (`log`, `statement …`, `entry …`, `stream …`) and why. */
export type ClientFinding = { readonly subject: string; readonly reason: string };

const directoryFindings = (error: DirectoryVerificationError): ClientFinding[] =>
  error.problems.map((problem) => ({
    subject:
      problem.position === undefined
        ? 'directory'
        : `statement of ${problem.person?.name ?? 'unknown'} (leaf ${problem.position})`,
    reason: problem.reason,
  }));

/**
 * What the Node SDK refuses on this server, through its own calls only: the log monitor (pinned
 * key, consistency with the checkpoint it trusted before), the verified key directory, and each
 * stream read back with `readStream` (hashes, chain, signatures by keys valid at each leaf,
 * inclusion under the trusted checkpoint, ciphertext integrity, decryption). The person must be
 * signed in and unlocked. A refused checkpoint ends the check: the client trusts nothing more
 * from that server. `readStream` stops at the first failing entry of a stream, which it names.
 */
export const checkAsClient = async (person: ParleyPerson, streams: readonly string[]): Promise<ClientFinding[]> => {
  try {
    await person.checkLog();
  } catch (error) {
    if (error instanceof LogConsistencyError) {
      return [{ subject: 'log', reason: error.message }];
    }
    throw error;
  }
  const findings: ClientFinding[] = [];
  try {
    await person.directory();
  } catch (error) {
    if (!(error instanceof DirectoryVerificationError)) {
      throw error;
    }
    findings.push(...directoryFindings(error));
  }
  for (const streamId of streams) {
    try {
      await person.readStream(streamId);
    } catch (error) {
      if (error instanceof EntryVerificationError) {
        const { entryHash, seq } = error.entry;
        findings.push({ subject: `entry ${entryHash} (stream ${streamId} seq ${seq})`, reason: error.message });
      } else if (error instanceof DirectoryVerificationError) {
        findings.push({ subject: `stream ${streamId}`, reason: `not read: ${error.message}` });
      } else {
        throw error;
      }
    }
  }
  return findings;
};
