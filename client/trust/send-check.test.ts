import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import { peopleHintConflicts } from '../core/people-hints';
import { sendVerdict } from './send-check';
import { PARTIES, trustWorld } from './trust-fixtures';

beforeAll(initCrypto);

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('what the browser seals to, and when it refuses', () => {
  it('seals to the member parties’ readers from the log, whatever the server says about people', () => {
    const { data, people } = trustWorld();
    // The server relabels the envoy of C as one of B, and the root admin of A as an envoy.
    const lying = data.people.map((view) =>
      view.id === people.envoyC.id
        ? { ...view, party: { id: PARTIES.b, name: 'Lyonesse' } }
        : view.id === people.adminA.id
          ? { ...view, role: 'envoy' as const }
          : view,
    );
    const conflicts = peopleHintConflicts(lying, data.directory);
    const verdict = sendVerdict(
      { ...data, people: lying, conflicts },
      { authorId: people.envoyA.id, members: [PARTIES.a, PARTIES.b] },
    );
    const sealedTo = verdict.choice?.recipients.map((recipient) => recipient.person) ?? [];
    expect(sorted(sealedTo)).toEqual(sorted([people.envoyA.id, people.envoyB.id]));
    // The contradiction blocks sending, naming each person the server misdescribes.
    expect(verdict.canSend).toBe(false);
    expect(verdict.blocked.map((blocked) => [blocked.reason, blocked.name])).toEqual([
      ['people-hint', 'Admin A'],
      ['people-hint', 'Envoy C'],
    ]);
    expect(verdict.blocked[1]?.message).toMatch(/^The server describes Envoy C otherwise than the signed log/);
  });

  it('lets an honest list through, with every reader new on a first entry and none after', () => {
    const { data, people } = trustWorld();
    const first = sendVerdict(data, { authorId: people.envoyA.id, members: [PARTIES.a, PARTIES.b] });
    expect(first.canSend).toBe(true);
    expect(first.choice?.newReaders.map((reader) => reader.name)).toEqual(['Envoy B']);
    expect(first.unverified.map((reader) => reader.name)).toEqual(['Envoy B']);
    const previous = new Set(first.choice?.recipients.map((recipient) => `${recipient.person} ${recipient.keyId}`));
    const next = sendVerdict(data, {
      authorId: people.envoyA.id,
      members: [PARTIES.a, PARTIES.b],
      previousRecipients: previous,
    });
    expect(next.choice?.newReaders).toEqual([]);
  });

  it('blocks sending to the people of a party whose root is not the one pinned, naming the party', () => {
    const { data, people } = trustWorld();
    const pinned = {
      ...data,
      verifications: {
        people: [],
        parties: [
          {
            party: PARTIES.b,
            root: people.adminB.id,
            rootKeyId: people.envoyB.keys.keyId,
            verifiedAt: '2026-12-01T00:00:00.000Z',
          },
        ],
      },
    };
    const verdict = sendVerdict(pinned, { authorId: people.envoyA.id, members: [PARTIES.a, PARTIES.b] });
    expect(verdict.canSend).toBe(false);
    expect(verdict.blocked.map((blocked) => blocked.reason)).toEqual(['party-root-changed']);
    expect(verdict.blocked[0]?.message).toBe(
      'The root of Lyonesse is not the one you verified — compare its party safety number again before sending to Envoy B',
    );
    // The root as pinned: the party's people are verified readers of their party.
    const record = data.directory.partyRecord(PARTIES.b);
    const right = {
      ...pinned,
      verifications: {
        people: [],
        parties: [{ party: PARTIES.b, root: record?.root ?? '', rootKeyId: record?.rootKeyId ?? '', verifiedAt: '' }],
      },
    };
    const ok = sendVerdict(right, { authorId: people.envoyA.id, members: [PARTIES.a, PARTIES.b] });
    expect(ok.canSend).toBe(true);
    expect(ok.readers.map((reader) => reader.isPartyVerified)).toEqual([true]);
  });

  it('blocks a reader verified at another key until re-verified', () => {
    const { data, people } = trustWorld();
    const verifiedElsewhere = {
      ...data,
      verifications: {
        people: [{ person: people.envoyB.id, keyId: people.envoyC.keys.keyId, verifiedAt: '2026-12-01T00:00:00.000Z' }],
        parties: [],
      },
    };
    const verdict = sendVerdict(verifiedElsewhere, { authorId: people.envoyA.id, members: [PARTIES.a, PARTIES.b] });
    expect(verdict.blocked.map((blocked) => blocked.message)).toEqual([
      'Key changed since you verified Envoy B — sending to them is blocked until you re-verify',
    ]);
  });

  it('refuses, with a sentence, an author without a key and a grantee without one', () => {
    const { data, people } = trustWorld();
    const keyless = sendVerdict(data, { authorId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', members: [PARTIES.a] });
    expect(keyless).toMatchObject({ canSend: false, choice: null });
    expect(keyless.blocked[0]?.message).toMatch(/not in the verified directory/);
    const grantee = sendVerdict(data, {
      authorId: people.envoyA.id,
      members: [PARTIES.a],
      grantees: ['eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee'],
    });
    expect(grantee.blocked[0]?.message).toMatch(/no current key/);
  });
});
