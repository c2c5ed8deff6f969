import { fetchStreamEntries } from '../client/sdk/fetch-stream-entries';
import type { ParleyPerson } from '../client/sdk/parley-person';
import { entryAssociatedData, entrySigningBytes } from '../shared/crypto/entry-bytes';
import { sodium } from '../shared/crypto/sodium';
import { fromBase64url } from '../shared/encoding/bytes';
import type { StoredEntry } from '../shared/schemas/stream';
import type { DriverRun } from './support/driver-run';
import { keyringOf } from './support/people';
import { processCpuMs } from './support/process-cpu';
import { profiled, shouldProfile } from './support/profiled';
import { say } from './support/progress';
import { atMost, count, ms, rate, type Section, seconds } from './support/report';
import { median } from './support/stats';
import { timelineCase } from './support/timeline-case';

/** Per-second rates of libsodium's signature check and of opening (unseal the key, decrypt) for these entries. */
const rawRates = async (reader: ParleyPerson, entries: readonly StoredEntry[]) => {
  const directory = await reader.directory();
  const keyring = keyringOf(reader);
  const inputs = entries.map(({ header, signature, ciphertext }) => {
    const mine = header.recipients.find((recipient) => recipient.person === reader.personId);
    const box = mine ? directory.keyRecord(mine.keyId) : undefined;
    const held = mine ? keyring.key(mine.keyId) : undefined;
    if (!mine || !box || !held || ciphertext === undefined) {
      throw new Error(`the reader cannot open ${header.stream} seq ${header.seq}`);
    }
    return {
      message: entrySigningBytes(header),
      signature: fromBase64url(signature),
      signKey: fromBase64url(directory.keyRecord(header.author.keyId)?.signKey ?? ''),
      sealedKey: fromBase64url(mine.sealedKey),
      boxKey: fromBase64url(box.boxKey),
      boxSecretKey: held.boxSecretKey,
      ad: entryAssociatedData(header),
      nonce: fromBase64url(header.nonce),
      ciphertext: fromBase64url(ciphertext),
    };
  });
  const perSecond = (work: (input: (typeof inputs)[number]) => unknown) => {
    const started = performance.now();
    inputs.forEach(work);
    return inputs.length / ((performance.now() - started) / 1000);
  };
  return {
    verify: perSecond(({ signature, message, signKey }) => {
      if (!sodium.crypto_sign_verify_detached(signature, message, signKey)) {
        throw new Error('a signature did not verify');
      }
    }),
    open: perSecond(({ sealedKey, boxKey, boxSecretKey, ad, nonce, ciphertext }) => {
      const key = sodium.crypto_box_seal_open(sealedKey, boxKey, boxSecretKey);
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(null, ciphertext, ad, nonce, key);
    }),
  };
};

/**
 * Timeline benchmark on one database: the SDK's `readStream` of a case (fetch every page, verify
 * the log, the directory, every signature, link and inclusion proof, unseal and decrypt), against
 * the raw libsodium verify and open rates for the same entries.
 */
export const benchTimeline = async (run: DriverRun): Promise<Section> => {
  const { team, settings, label, server } = run;
  const reader = team.writers[1] as ParleyPerson;
  const entries = settings.timeline.entries;
  const caseId = await timelineCase(run, entries);
  await reader.readStream(caseId);
  const times: number[] = [];
  const clientCpu: number[] = [];
  const serverCpu: number[] = [];
  const raws: { verify: number; open: number }[] = [];
  const stored = (await fetchStreamEntries(reader.http, caseId)).entries;
  for (let round = 1; round <= settings.runs; round += 1) {
    say(`${label}: timeline run ${round}/${settings.runs}`);
    const [clientBefore, serverBefore] = [process.cpuUsage(), processCpuMs(server.pid) ?? Number.NaN];
    const started = performance.now();
    const read = await reader.readStream(caseId);
    times.push((performance.now() - started) / 1000);
    const clientUsage = process.cpuUsage(clientBefore);
    clientCpu.push((clientUsage.user + clientUsage.system) / 1000);
    serverCpu.push((processCpuMs(server.pid) ?? Number.NaN) - serverBefore);
    if (read.length !== entries || read.some((entry) => entry.content === undefined)) {
      throw new Error(`readStream gave ${read.length} entries, not ${entries} all opened`);
    }
    raws.push(await rawRates(reader, stored));
  }
  const sdk = median(times);
  const verify = median(raws.map((raw) => raw.verify));
  const open = median(raws.map((raw) => raw.open));
  const raw = entries / verify + entries / open;
  const limit = 0.5 * (entries / 1_000);
  const scaled = entries === 1_000 ? '' : `; the target is 0.5 s for 1,000, scaled to ${seconds(limit)}`;
  const targets = [
    atMost(
      `timeline-${run.driver.name}`,
      `${count(entries)}-entry timeline ≤ ${seconds(limit)} (${label}${scaled})`,
      sdk,
      limit,
      seconds,
    ),
  ];
  const profiles = shouldProfile(settings, targets)
    ? await profiled(`timeline ${label} ${count(entries)} entries`, server, () => reader.readStream(caseId))
    : [];
  return {
    id: 'timeline',
    title: 'Timeline',
    method: [
      `A staff writer appends a case of ${count(entries)} entries (a \`case_open\` and meeting minutes, sealed to the ${team.writers.length + 1} people of the party) through the HTTP API; another member reads it with the SDK's \`readStream\`: every page fetched, the log checkpoint and the key directory verified, every signature, chain link and inclusion proof (served a page of a stream at a time by \`GET /api/streams/:id/proofs\`, one request per 1,000 entries) checked, every content key unsealed and every entry decrypted and decoded. Median of ${settings.runs} reads after one warm-up read. The CPU columns are each process's CPU time during a read (\`process.cpuUsage\` in the reader's process, /proc for the server's), steadier on a shared machine than the elapsed time.`,
      "Baseline: the same entries with libsodium alone, from bytes prepared beforehand: `crypto_sign_verify_detached` of each signature, and `crypto_box_seal_open` of the reader's key plus `crypto_aead_xchacha20poly1305_ietf_decrypt` of each entry.",
    ],
    tables: [
      {
        title: 'Reading a case with the Node SDK against raw libsodium',
        columns: [
          'Database',
          'Entries',
          'SDK readStream',
          'Per entry',
          'libsodium verify',
          'libsodium open',
          `Raw crypto for ${count(entries)}`,
          'SDK ÷ raw',
          'Client CPU',
          'Server CPU',
          'Client CPU ÷ raw',
        ],
        rows: [
          [
            label,
            count(entries),
            seconds(sdk),
            ms((1000 * sdk) / entries),
            rate(verify),
            rate(open),
            ms(1000 * raw),
            `${(sdk / raw).toFixed(1)}×`,
            ms(median(clientCpu)),
            ms(median(serverCpu)),
            `${(median(clientCpu) / (1000 * raw)).toFixed(1)}×`,
          ],
        ],
      },
    ],
    targets,
    profiles,
    notes: [],
  };
};
