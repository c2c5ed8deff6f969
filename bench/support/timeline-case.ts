import { randomUUID } from 'node:crypto';
import type { ParleyPerson } from '../../client/sdk/parley-person';
import { entryRoutes } from '../../shared/api/entries';
import type { DriverRun } from './driver-run';
import { say } from './progress';
import { count } from './report';
import { headAfter, sealCaseOpen, sealMinutes, signerOf } from './sealing';

/** Writes a case of `entries` entries through the append route, one after another. */
const writeCase = async (run: DriverRun, writer: ParleyPerson, entries: number): Promise<string> => {
  const signer = await signerOf(writer, run.team.partyId);
  let sealed = sealCaseOpen(signer, randomUUID());
  for (let seq = 1; ; seq += 1) {
    await writer.api(entryRoutes.appendEntry, { body: sealed.entry });
    if (seq === entries) {
      return sealed.entry.header.stream;
    }
    sealed = sealMinutes(signer, sealed.entry.header.stream, headAfter(sealed), `timeline ${seq}`);
  }
};

/**
 * The case of `entries` entries the timeline and browser benchmarks read, written once per run by
 * the first staff writer and sealed to every member of the party at that time (the browser reader
 * enrols before it is written).
 */
export const timelineCase = async (run: DriverRun, entries: number): Promise<string> => {
  const known = run.cases.get(entries);
  if (known !== undefined) {
    return known;
  }
  say(`${run.label}: writing a case of ${count(entries)} entries to read`);
  const caseId = await writeCase(run, run.team.writers[0] as ParleyPerson, entries);
  run.cases.set(entries, caseId);
  return caseId;
};
