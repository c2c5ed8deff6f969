/**
 * Disclosing entries from the browser (docs/PROTOCOL.md §5): each content key is recovered from
 * the discloser's own sealed copy and checked against the entry's signed key commitment (only the
 * key the author committed to is passed on), then handed over in a signed `disclosure` entry of
 * the same stream, sealed to the members and the grantee. The keys leave this module only sealed.
 */
import type { ContentOf } from '../../shared/content/entry-content';
import { computeKeyCommitment, openSealedKey } from '../../shared/crypto/content-key';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import { initCrypto } from '../../shared/crypto/sodium';
import type { DirectoryState } from '../../shared/directory/index';
import { equalBytes, fromBase64url, toBase64url } from '../../shared/encoding/bytes';
import type { EntryHeader } from '../../shared/schemas/entry';
import { withKeys } from '../crypto/keyring-store';
import { type AppendedEntry, appendEntry } from './append-entry';
import type { AppendStep } from './append-step';
import type { EntryContext } from './entry-context';
import { readStream, type VerifiedEntry, type VerifiedStream } from './read-stream';

/** What a member asks to disclose, to whom and why. */
export type DisclosureRequest = {
  readonly streamId: string;
  /** The person who receives the keys (a reviewer, or someone of a party added later). */
  readonly grantee: string;
  readonly purpose: string;
  /** `case`: every entry this person can disclose, so far; `entries`: those listed. */
  readonly scope: 'entries' | 'case';
  readonly entries: readonly string[];
};

/** A disclosure's signed header names each entry it grants; an entry header holds at most this many refs. */
export const MAX_DISCLOSED = 512;

/**
 * Whether `personId` can disclose an entry: it was sealed to them (so they hold its key), its
 * signature holds, and it is not itself a disclosure (that would pass on keys granted to others).
 */
export const isDisclosableBy = (verified: VerifiedEntry, personId: string): boolean =>
  verified.checks.signature.state === 'valid' &&
  verified.entry.header.type !== 'disclosure' &&
  verified.entry.header.recipients.some((recipient) => recipient.person === personId);

const ownContentKey = (header: EntryHeader, personId: string, directory: DirectoryState): string =>
  withKeys(personId, (ring) => {
    for (const recipient of header.recipients.filter((candidate) => candidate.person === personId)) {
      const held = ring.find((key) => key.keyId === recipient.keyId);
      const record = held && directory.keyRecord(recipient.keyId);
      if (!held || !record) {
        continue;
      }
      const key = openSealedKey(
        fromBase64url(recipient.sealedKey),
        fromBase64url(record.boxKey) as BoxPublicKey,
        held.boxSecretKey,
      );
      try {
        if (!equalBytes(computeKeyCommitment(key), fromBase64url(header.keyCommitment))) {
          throw new Error(`The key sealed to you in entry #${header.seq} is not the one its header commits to`);
        }
        return toBase64url(key);
      } finally {
        key.fill(0);
      }
    }
    throw new Error(`Entry #${header.seq} was not sealed to a key you hold: you cannot disclose it`);
  });

const chosenEntries = (stream: VerifiedStream, request: DisclosureRequest, personId: string): VerifiedEntry[] => {
  const chosen =
    request.scope === 'case'
      ? stream.entries.filter((entry) => isDisclosableBy(entry, personId))
      : request.entries.map((hash) => {
          const found = stream.entries.find((entry) => entry.entry.entryHash === hash);
          if (!found || !isDisclosableBy(found, personId)) {
            throw new Error(`Entry ${hash.slice(0, 10)}… is not one of this stream that you can disclose`);
          }
          return found;
        });
  if (chosen.length === 0) {
    throw new Error('Choose at least one entry to disclose');
  }
  if (chosen.length > MAX_DISCLOSED) {
    throw new Error(`At most ${MAX_DISCLOSED} entries can be disclosed at once`);
  }
  return chosen;
};

/** Verifies the stream, recovers and checks each key, and appends the disclosure. */
export const discloseEntries = async (
  context: EntryContext,
  request: DisclosureRequest,
  onStep: (step: AppendStep) => void = () => undefined,
): Promise<AppendedEntry> => {
  await initCrypto();
  const { personId } = context.me;
  onStep({ kind: 'disclosureStream' });
  const { stream, directory } = await readStream(request.streamId, personId, context.refreshLog);
  if (!stream.isIntact) {
    throw new Error(
      'This stream does not verify (a signature, chain link or readers check fails): nothing is disclosed from it',
    );
  }
  const chosen = chosenEntries(stream, request, personId);
  onStep({ kind: 'disclosureKeys' });
  const grants = chosen.map(({ entry }) => ({
    entryHash: entry.entryHash,
    contentKey: ownContentKey(entry.header, personId, directory),
  }));
  const content: ContentOf<'disclosure'> = {
    type: 'disclosure',
    grants,
    purpose: request.purpose.trim(),
    scope: request.scope,
  };
  return appendEntry(
    context,
    {
      type: 'disclosure',
      streamKind: stream.stream.kind,
      streamId: request.streamId,
      refs: grants.map((grant) => grant.entryHash),
      meta: { grantee: request.grantee },
      content,
    },
    onStep,
  );
};
