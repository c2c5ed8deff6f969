/**
 * The list of people this person has verified, and at which key, and of the party roots they
 * verified (content `v` 2; a `v` 1 list has no party roots): canonical JSON sealed to their
 * own current box key (`sealForSelf`, a `crypto_box_seal`) and signed with their signing key under
 * `parley/verifications-upload/v2` at the next version of the stored list (docs/PROTOCOL.md §8.5).
 * The server stores it but cannot read, alter or roll it back: reading it back checks the
 * signature against the directory, and the version against the last one this browser saw.
 */
import { z } from 'zod';
import { API } from '../../shared/api/index';
import type { BoxPublicKey } from '../../shared/crypto/identity-keys';
import { openForSelf, sealForSelf } from '../../shared/crypto/self-seal';
import {
  nextUploadPosition,
  signVerificationsUpload,
  verificationsUploadState,
} from '../../shared/crypto/signed-upload';
import { checkStoredVerifications, VERIFICATIONS_SLOT } from '../../shared/crypto/upload-rollback';
import type { DirectoryState } from '../../shared/directory/index';
import { fromBase64url, toBase64url, utf8String } from '../../shared/encoding/bytes';
import { canonicalBytes } from '../../shared/encoding/canonical';
import { KeyId, Timestamp, Uuid } from '../../shared/schemas/common';
import type { StoredVerifications } from '../../shared/schemas/identity';
import { api } from '../api/transport';
import { withKey } from './keyring-store';
import { rememberUpload, seenUpload } from './seen-uploads';

const VerificationRecord = z.strictObject({ person: Uuid, keyId: KeyId, verifiedAt: Timestamp });
/** One verified contact: who, at which of their keys, when. */
export type VerificationRecord = z.infer<typeof VerificationRecord>;

const PartyRootRecord = z.strictObject({ party: Uuid, root: Uuid, rootKeyId: KeyId, verifiedAt: Timestamp });
/** One party root verified out of band (its party safety number): the root and first key compared, when. */
export type PartyRootRecord = z.infer<typeof PartyRootRecord>;

const VerificationList = z.discriminatedUnion('v', [
  z.strictObject({ v: z.literal(1), verified: z.array(VerificationRecord).max(10_000) }),
  z.strictObject({
    v: z.literal(2),
    verified: z.array(VerificationRecord).max(10_000),
    parties: z.array(PartyRootRecord).max(10_000),
  }),
]);

/** What a person verified out of band: people at their keys, and party roots. */
export type VerifiedContacts = { readonly people: VerificationRecord[]; readonly parties: PartyRootRecord[] };

/**
 * The stored list, checked: signed by one of the person's keys in the verified directory, and not
 * older than the last version this browser saw (which it then remembers). Null when none is stored.
 *
 * @throws {UploadRefusedError} (shared/crypto/upload-rollback) for an altered or rolled-back list.
 */
const fetchCheckedList = async (personId: string, directory: DirectoryState): Promise<StoredVerifications | null> => {
  const { verifications } = await api(API.getVerifications);
  if (verifications === null) {
    return null;
  }
  const signKeyOf = (keyId: string) => {
    const record = directory.keyRecord(keyId);
    return record?.person === personId ? fromBase64url(record.signKey) : undefined;
  };
  const state = checkStoredVerifications(personId, verifications, signKeyOf, seenUpload(personId, VERIFICATIONS_SLOT));
  rememberUpload(personId, VERIFICATIONS_SLOT, state);
  return verifications;
};

/**
 * The person's verified contacts, opened with their unlocked keys.
 *
 * @throws when the stored list is not signed by one of their keys, is older than the one last
 *   seen here, or does not open.
 */
export const loadVerifications = async (personId: string, directory: DirectoryState): Promise<VerifiedContacts> => {
  const verifications = await fetchCheckedList(personId, directory);
  if (verifications === null) {
    return { people: [], parties: [] };
  }
  const record = directory.keyRecord(verifications.keyId);
  if (!record) {
    throw new Error('Your stored verifications name a key that is not yours');
  }
  const plaintext = withKey(personId, record.keyId, (key) =>
    openForSelf(fromBase64url(verifications.blob), fromBase64url(record.boxKey) as BoxPublicKey, key.boxSecretKey),
  );
  const list = VerificationList.parse(JSON.parse(utf8String(plaintext)));
  return { people: list.verified, parties: list.v === 2 ? list.parties : [] };
};

/** Seals, signs and stores the whole list with the person's current key. */
export const saveVerifications = async (
  personId: string,
  directory: DirectoryState,
  contacts: VerifiedContacts,
): Promise<void> => {
  const current = directory.currentKey(personId);
  if (!current) {
    throw new Error('Your key is not published yet: you can verify people once your admin has endorsed it');
  }
  const list = VerificationList.parse({ v: 2, verified: contacts.people, parties: contacts.parties });
  const sealed = sealForSelf(canonicalBytes(list), fromBase64url(current.boxKey) as BoxPublicKey);
  const blob = toBase64url(sealed);
  const stored = await fetchCheckedList(personId, directory);
  const position = nextUploadPosition(stored && verificationsUploadState(personId, stored));
  const upload = withKey(personId, current.keyId, (key) => signVerificationsUpload(personId, blob, position, key));
  await api(API.putVerifications, { body: upload });
  rememberUpload(personId, VERIFICATIONS_SLOT, verificationsUploadState(personId, upload));
};

/** The contacts with `person` verified at `keyId` now (replacing an earlier verification of them). */
export const withVerified = (contacts: VerifiedContacts, person: string, keyId: string): VerifiedContacts => ({
  ...contacts,
  people: [
    ...contacts.people.filter((record) => record.person !== person),
    { person, keyId, verifiedAt: new Date().toISOString() },
  ],
});

/** The contacts with `party`'s root pinned now (replacing an earlier pin of that party). */
export const withPartyPinned = (
  contacts: VerifiedContacts,
  pin: { party: string; root: string; rootKeyId: string },
): VerifiedContacts => ({
  ...contacts,
  parties: [
    ...contacts.parties.filter((record) => record.party !== pin.party),
    { ...pin, verifiedAt: new Date().toISOString() },
  ],
});
