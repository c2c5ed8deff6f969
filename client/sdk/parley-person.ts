import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { CallInput } from '../../shared/api/client';
import { invitationRoutes, keyRoutes, partyRoutes, passkeyRoutes } from '../../shared/api/identity';
import type { RouteContract, RouteOutput } from '../../shared/api/route';
import type { AttachmentRef } from '../../shared/content/attachment-ref';
import { partySafetyNumber, safetyNumber } from '../../shared/crypto/safety-number';
import { signVaultUpload, vaultUploadState } from '../../shared/crypto/signed-upload';
import { initCrypto } from '../../shared/crypto/sodium';
import { vaultUploadSlot } from '../../shared/crypto/upload-rollback';
import { FIRST_UPLOAD } from '../../shared/crypto/upload-signature';
import { VAULT_PRF_SALT } from '../../shared/crypto/vault';
import { wrappingKeyFromPrf } from '../../shared/crypto/vault-keys';
import type { DirectoryState } from '../../shared/directory/index';
import type { EntryType } from '../../shared/schemas/entry-type';
import type { Role } from '../../shared/schemas/role';
import { peopleHintConflicts } from '../core/people-hints';
import type { ContactPin, PartyPin, TrustPins } from '../core/recipient-choice';
import { endorseEnrolment, revokePerson } from './admin-operations';
import { type AttachmentSink, downloadAttachment } from './attachment-download';
import { type AttachmentOptions, type AttachmentSource, uploadAttachment } from './attachment-upload';
import { type EnrolOptions, enrolPerson } from './enrol-person';
import type { EntryDraft } from './entry-draft';
import { PeopleHintError } from './entry-errors';
import { type EntryNotice, type EventOptions, subscribeEntryNotices } from './entry-events';
import { LogChecker, type LogCheckResult, type PinnedLog } from './log-checker';
import { revokeOwnKey, rotateOwnKeys } from './own-keys';
import { ParleyHttp } from './parley-http';
import { removeOwnPasskey } from './passkey-removal';
import {
  type AppendOptions,
  type DiscloseInput,
  type MembershipChangeInput,
  type OpenCaseInput,
  type OpenThreadInput,
  PersonEntries,
} from './person-entries';
import { PersonSession, type PersonSessionFields } from './person-session';
import { ParleyPersonState, type PinnedLogState } from './person-state';
import { SoftwareAuthenticator } from './software-authenticator';
import { setUnlockedKeyring } from './unlocked-keyring';
import { sealVaultCopy } from './vault-copies';
import { VerifiedDirectory } from './verified-directory';
import { withoutPrfResults } from './webauthn-json';
import { compareWithTrusted, type WitnessPins, type WitnessStatus, witnessStatusOf } from './witness-status';

/** Where a person's server is: `baseUrl`, and its public `origin` when that differs. */
export type ServerAddress = { baseUrl: string; origin?: string; fetch?: typeof fetch };

const httpFor = ({ baseUrl, origin, fetch }: ServerAddress): ParleyHttp =>
  new ParleyHttp({ baseUrl, ...(origin === undefined ? {} : { origin }), ...(fetch === undefined ? {} : { fetch }) });

/**
 * A Parley person driven from Node, for tests, CLIs and benchmarks: enrolment, passkey sign-in,
 * vault unlock, admin operations, own key rotation and revocation, a verified key directory,
 * safety numbers and transparency-log checks. Its passkeys live in its own
 * {@link SoftwareAuthenticator}; its unlocked keys only in memory.
 */
export class ParleyPerson extends PersonSession {
  readonly #log: LogChecker;
  readonly #directory = new VerifiedDirectory();
  readonly #entries = new PersonEntries(this);
  readonly #partyPins: PartyPin[] = [];
  readonly #contactPins: ContactPin[] = [];

  private constructor(fields: PersonSessionFields & { log?: PinnedLogState }) {
    super(fields);
    this.#log = new LogChecker(fields.log);
  }

  /**
   * Enrols the invitee of an invitation link (or bare token); see {@link enrolPerson}. `log` pins
   * the transparency log as the inviter gave it out of band; without it the first check pins what
   * the server names.
   */
  static async enrol(
    baseUrl: string,
    invitation: string,
    options: EnrolOptions & { log?: PinnedLog } = {},
  ): Promise<ParleyPerson> {
    const { log, ...enrolOptions } = options;
    const enrolment = await enrolPerson(baseUrl, invitation, enrolOptions);
    const person = new ParleyPerson({
      ...enrolment,
      personId: enrolment.session.person.id,
      seenUploads: enrolment.uploads,
      ...(log
        ? { log: { origin: log.origin, verifierKey: log.verifierKey, legacyBefore: log.legacyBefore ?? 0 } }
        : {}),
    });
    person.adopt(enrolment.session);
    setUnlockedKeyring(person, enrolment.keyring);
    return person;
  }

  /** A person not known yet, whose passkey is on `authenticator` (a new device): sign in next. */
  static async onAuthenticator(address: ServerAddress, authenticator: SoftwareAuthenticator): Promise<ParleyPerson> {
    await initCrypto();
    return new ParleyPerson({ http: httpFor(address), authenticator });
  }

  /** Restores a person saved with {@link ParleyPerson.exportState}: signed out and locked. */
  static async fromState(state: unknown, options: { fetch?: typeof fetch } = {}): Promise<ParleyPerson> {
    await initCrypto();
    const parsed = ParleyPersonState.parse(state);
    return new ParleyPerson({
      http: httpFor({ baseUrl: parsed.baseUrl, origin: parsed.origin, ...options }),
      authenticator: SoftwareAuthenticator.fromState(parsed.authenticator),
      personId: parsed.personId,
      rpId: parsed.rpId,
      recoveryKey: parsed.recoveryKey,
      seenUploads: parsed.uploads,
      ...(parsed.log ? { log: parsed.log } : {}),
    });
  }

  /** Everything a CLI needs to act as this person again, secrets included; never the unlocked keys. */
  exportState(): ParleyPersonState {
    const log = this.#log.state;
    return {
      version: 1,
      baseUrl: this.http.baseUrl,
      origin: this.http.origin,
      ...(this.rpId === undefined ? {} : { rpId: this.rpId }),
      ...(this.isKnown ? { personId: this.personId } : {}),
      ...(this.recoveryKey === undefined ? {} : { recoveryKey: this.recoveryKey }),
      authenticator: this.authenticator.exportState(),
      uploads: this.seenUploads.export(),
      ...(log ? { log } : {}),
    };
  }

  /** Calls any contract route as this person. */
  api<R extends RouteContract>(route: R, input?: CallInput<R>): Promise<RouteOutput<R>> {
    return this.http.api(route, input);
  }

  #signer() {
    return this.keyring().signer(this.personId);
  }

  /** Invites a person into this admin's own party with a role; returns the one-time link. */
  async invite(invitation: { partyId: string; role: Role; name: string }): Promise<string> {
    return (await this.http.api(invitationRoutes.createInvitation, { body: invitation })).link;
  }

  /** Enrolments awaiting an endorsement (admins). */
  async pendingEnrolments() {
    return (await this.http.api(keyRoutes.listPendingEnrolments)).pending;
  }

  /** Countersigns the enrolment of a person of this admin's party; see {@link endorseEnrolment}. */
  endorse(personId: string) {
    return endorseEnrolment(this.http, this.#signer(), personId);
  }

  /** Revokes a person of this admin's party, with a signed revocation of their current key. */
  async revoke(personId: string) {
    return revokePerson(this.http, await this.directory(), this.#signer(), personId);
  }

  /**
   * Everyone the server lists, checked against the verified directory: the list is a hint for
   * display, and one that contradicts the log about someone's party, role, status or key is refused.
   *
   * @throws {PeopleHintError} naming each person the server describes otherwise than the log.
   */
  async people() {
    const { people } = await this.http.api(partyRoutes.listPeople);
    const conflicts = peopleHintConflicts(people, await this.directory());
    if (conflicts.length > 0) {
      throw new PeopleHintError(conflicts);
    }
    return people;
  }

  /** All parties. */
  async parties() {
    return (await this.http.api(partyRoutes.listParties)).parties;
  }

  #owner() {
    const { http, authenticator, personId, rpId, seenUploads } = this;
    return {
      http,
      authenticator,
      personId,
      rpId,
      seenUploads,
      keyring: this.keyring(),
      directory: () => this.directory(),
    };
  }

  /** Rotates this person's keys and re-seals their vault copies; see {@link rotateOwnKeys}. */
  rotateKeys() {
    return rotateOwnKeys(this.#owner());
  }

  /** Revokes this person's own key: the server revokes them and ends their sessions. */
  async revokeOwnKey() {
    const record = await revokeOwnKey(this.#owner());
    this.lock();
    this.http.forgetSession();
    return record;
  }

  /**
   * Registers a passkey on another authenticator (a new device) for this signed-in person. When
   * that authenticator has PRF and this person is unlocked, its PRF vault copy is uploaded too.
   */
  async addPasskey(target: SoftwareAuthenticator) {
    const { options } = await this.http.api(passkeyRoutes.passkeyOptions);
    const creation = options as unknown as PublicKeyCredentialCreationOptionsJSON;
    const created = target.createCredential(creation, target.hasPrf ? { prf: { first: VAULT_PRF_SALT } } : {});
    const credentialId = created.response.id;
    let vault: ReturnType<typeof signVaultUpload> | undefined;
    if (created.prf && this.isUnlocked) {
      const keyring = this.keyring();
      const secret = { kind: 'prf' as const, credentialId, key: wrappingKeyFromPrf(created.prf.first, this.personId) };
      keyring.remember(secret);
      const sealed = sealVaultCopy(keyring.keyring, this.personId, secret);
      vault = signVaultUpload(this.personId, sealed, FIRST_UPLOAD, this.#signer());
    }
    const response = withoutPrfResults(created.response);
    const added = await this.http.api(passkeyRoutes.passkeyVerify, {
      body: vault ? { response, vault } : { response },
    });
    if (vault) {
      this.seenUploads.remember(vaultUploadSlot(vault.vault), vaultUploadState(this.personId, vault));
    }
    return added;
  }

  /**
   * Removes one of this person's passkeys (never the last), signed by their current key; see
   * {@link removeOwnPasskey}. Removing the passkey this session signed in with ends this session
   * too: the person is then signed out and locked here. Returns how many sessions ended.
   */
  async removePasskey(credentialId: string): Promise<number> {
    const ended = await removeOwnPasskey(this.http, this.#signer(), credentialId);
    if (this.currentSession?.credentialId === credentialId) {
      this.lock();
      this.adopt(null);
      this.http.forgetSession();
    }
    return ended;
  }

  /**
   * The key directory proven under the tree the log monitor accepts now (docs/PROTOCOL.md §9.1);
   * throws `DirectoryVerificationError` naming what the server forged, moved or withheld.
   */
  async directory(): Promise<DirectoryState> {
    return this.directoryAt(await this.checkLog());
  }

  /** The key directory proven under an accepted tree; see {@link VerifiedDirectory}. */
  directoryAt(trusted: LogCheckResult): Promise<DirectoryState> {
    return this.#directory.at(this.http, trusted);
  }

  /** The party roots and people this person verified out of band. */
  get pins(): TrustPins {
    return { parties: [...this.#partyPins], contacts: [...this.#contactPins] };
  }

  /** The safety number of a party's root, from the verified directory, to compare out of band. */
  async partySafetyNumber(partyId: string) {
    const directory = await this.directory();
    const record = directory.partyRecord(partyId);
    const root = record && directory.keyRecord(record.rootKeyId);
    if (!record || !root) {
      throw new Error(`Party ${partyId} has no root in the directory`);
    }
    return partySafetyNumber(partyId, { person: root.person, signKey: root.signKey, boxKey: root.boxKey });
  }

  /**
   * Records that this person compared a party's safety number out of band and it matched
   * `digits` (the number the party itself shows): its root is pinned from now on, and a later
   * change of root blocks sealing to its people.
   */
  async pinParty(partyId: string, digits: string): Promise<PartyPin> {
    const { digits: seen } = await this.partySafetyNumber(partyId);
    if (seen !== digits) {
      throw new Error(`The safety number of party ${partyId} is not the one compared: do not pin it`);
    }
    const record = (await this.directory()).partyRecord(partyId);
    if (!record) {
      throw new Error(`Party ${partyId} has no root in the directory`);
    }
    const pin = { party: partyId, root: record.root, rootKeyId: record.rootKeyId };
    this.#partyPins.splice(0, this.#partyPins.length, ...this.#partyPins.filter((p) => p.party !== partyId), pin);
    return pin;
  }

  /** The safety number of this person and another, from both current keys in the verified directory. */
  async safetyNumberWith(personId: string) {
    const directory = await this.directory();
    const [mine, theirs] = [directory.currentKey(this.personId), directory.currentKey(personId)];
    if (!mine || !theirs) {
      throw new Error(`No current key for ${mine ? personId : this.personId} in the directory`);
    }
    return safetyNumber(
      { person: mine.person, signKey: mine.signKey, boxKey: mine.boxKey },
      { person: theirs.person, signKey: theirs.signKey, boxKey: theirs.boxKey },
    );
  }

  /**
   * Checks the transparency log: pins its key on first contact (or `pin`), verifies the latest
   * checkpoint and its consistency with the last one seen; see {@link LogChecker.check}.
   */
  checkLog(options: { pin?: PinnedLog } = {}): Promise<LogCheckResult> {
    return this.#log.check(this.http, options);
  }

  /**
   * The witness status of the log under `pins`; see {@link witnessStatusOf}. With `streamId`, the
   * default policy (`stream-members`) asks a witness of each member party of that stream, as its
   * verified entries add them up; its entries below `treeSize` are then witnessed.
   */
  async witnessStatus(pins: WitnessPins, options: { readonly streamId?: string } = {}): Promise<WitnessStatus> {
    const members =
      options.streamId === undefined ? undefined : (await this.#entries.membership(options.streamId)).members;
    return witnessStatusOf(this.http, this.#log.state, pins, members);
  }

  /** Checks a checkpoint met elsewhere against the trusted one; see {@link compareWithTrusted}. */
  compareCheckpoint(note: string): Promise<void> {
    return compareWithTrusted(this.http, this.#log.state, note);
  }

  /** Opens a case (staff) with its child record; see {@link PersonEntries.openCase}. */
  openCase(input: OpenCaseInput) {
    return this.#entries.openCase(input);
  }

  /** Opens a thread (envoys) between parties; see {@link PersonEntries.openThread}. */
  openThread(input: OpenThreadInput) {
    return this.#entries.openThread(input);
  }

  /** Appends a sealed, signed entry, retrying lost races; see {@link PersonEntries.append}. */
  append<T extends EntryType>(streamId: string, draft: EntryDraft<T>, options?: AppendOptions) {
    return this.#entries.append(streamId, draft, options);
  }

  /** A stream's verified membership: members and changes awaiting consent; see {@link PersonEntries.membership}. */
  membership(streamId: string) {
    return this.#entries.membership(streamId);
  }

  /** Proposes a membership change; see {@link PersonEntries.proposeMembership}. */
  proposeMembership(streamId: string, change: MembershipChangeInput, options?: AppendOptions) {
    return this.#entries.proposeMembership(streamId, change, options);
  }

  /** Consents to a proposed membership change; see {@link PersonEntries.consentToMembership}. */
  consentToMembership(streamId: string, proposal: string, note?: string, options?: AppendOptions) {
    return this.#entries.consentToMembership(streamId, proposal, note, options);
  }

  /** Takes this person's party out of a stream, at once. */
  async leave(streamId: string, reason: string, options?: AppendOptions) {
    const party = (await this.directory()).currentKey(this.personId)?.party;
    if (party === undefined) {
      throw new Error('You hold no current key: you cannot write to a stream');
    }
    return this.#entries.proposeMembership(streamId, { remove: [party], reason }, options);
  }

  /** Every entry of a stream, verified and decrypted where possible; see {@link PersonEntries.readStream}. */
  readStream(streamId: string) {
    return this.#entries.readStream(streamId);
  }

  /** Discloses entries' content keys to a grantee; see {@link PersonEntries.disclose}. */
  disclose(streamId: string, input: DiscloseInput, options?: AppendOptions) {
    return this.#entries.disclose(streamId, input, options);
  }

  /** Opens an entry disclosed to this person; see {@link PersonEntries.openDisclosed}. */
  openDisclosed(entryHash: string, options?: { disclosure?: string }) {
    return this.#entries.openDisclosed(entryHash, options);
  }

  /** Encrypts and streams a file up; see {@link uploadAttachment}. */
  uploadAttachment(source: AttachmentSource, options?: AttachmentOptions): Promise<AttachmentRef> {
    return uploadAttachment(this.http, this.currentSession, source, options);
  }

  /** Streams a file down and decrypts it into `sink`; see {@link downloadAttachment}. */
  downloadAttachment(ref: AttachmentRef, sink: AttachmentSink, options?: { fetch?: typeof fetch }) {
    return downloadAttachment(this.http, this.currentSession, ref, sink, options);
  }

  /** Listens for new-entry notices (server-sent events); returns a stop function. */
  events(onNotice: (notice: EntryNotice) => void, options?: EventOptions) {
    return subscribeEntryNotices(this.http, this.currentSession, onNotice, options);
  }
}
