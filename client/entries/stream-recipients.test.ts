import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentityKeys, type IdentityKeys } from '../../shared/crypto/identity-keys';
import { signKeyStatement } from '../../shared/crypto/key-statement';
import { initCrypto } from '../../shared/crypto/sodium';
import { emptyDirectory } from '../../shared/directory/index';
import { toBase64url } from '../../shared/encoding/bytes';
import type { PersonView } from '../../shared/schemas/identity';
import type { KeyStatement } from '../../shared/schemas/key-statement';
import type { Role } from '../../shared/schemas/role';
import { RecipientsBlockedError, streamRecipients } from './stream-recipients';

beforeAll(initCrypto);

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const id = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;

/** An admin of A who enrols everyone: staff of A (the author), an envoy of B, a reviewer of C. */
const world = () => {
  const directory = emptyDirectory();
  const keys = new Map<string, IdentityKeys>();
  let position = 0;
  const enrol = (person: string, party: string, role: Role) => {
    const own = generateIdentityKeys();
    keys.set(person, own);
    const admin = id(1);
    const statement: KeyStatement = {
      v: 1,
      kind: 'enrol',
      person,
      party,
      role,
      name: `${role} ${person.slice(-2)}`,
      seq: 1,
      prevHash: '',
      keyId: own.keyId,
      signKey: toBase64url(own.signPublicKey),
      boxKey: toBase64url(own.boxPublicKey),
      issuedAt: '2026-11-28T15:00:00.000Z',
      authority: person === admin ? 'bootstrap' : admin,
      invitation: party,
    };
    const signers = person === admin ? [own] : [own, keys.get(admin) as IdentityKeys];
    const signed = {
      statement,
      signatures: signers.map((signer, index) =>
        signKeyStatement(statement, { person: index === 0 ? person : admin, ...signer }),
      ),
    };
    const applied = directory.apply(signed, position++);
    if (!applied.ok) {
      throw new Error(applied.reason);
    }
  };
  const people: PersonView[] = [];
  for (const [n, party, role] of [
    [1, A, 'admin'],
    [2, A, 'staff'],
    [3, B, 'envoy'],
    [4, C, 'reviewer'],
  ] as const) {
    enrol(id(n), party, role);
    people.push({
      id: id(n),
      name: `${role} ${n}`,
      role,
      party: { id: party, name: party },
      status: 'active',
      keyId: keys.get(id(n))?.keyId ?? '',
    });
  }
  return { directory, people, keys };
};

describe('streamRecipients', () => {
  it('seals to every active non-admin person of the member parties, the author included, sorted', () => {
    const { directory, people } = world();
    const recipients = streamRecipients({ directory, people, verifications: [], authorId: id(2), members: [A, B] });
    expect(recipients.map((recipient) => recipient.person)).toEqual([id(2), id(3)]);
  });

  it('adds the grantee of a disclosure', () => {
    const { directory, people } = world();
    const recipients = streamRecipients({
      directory,
      people,
      verifications: [],
      authorId: id(2),
      members: [A],
      grantee: id(4),
    });
    expect(recipients.map((recipient) => recipient.person)).toEqual([id(2), id(4)]);
  });

  it('refuses while a recipient was verified at another key than their current one', () => {
    const { directory, people } = world();
    const verifications = [{ person: id(3), keyId: 'AAAAAAAAAAAAAAAAAAAAAA', verifiedAt: '2026-11-28T16:00:00.000Z' }];
    const attempt = () => streamRecipients({ directory, people, verifications, authorId: id(2), members: [A, B] });
    expect(attempt).toThrow(RecipientsBlockedError);
    expect(attempt).toThrow('Key changed since you verified envoy 3');
  });

  it('refuses when the server names another key than the verified directory', () => {
    const { directory, people } = world();
    const lying = people.map((person) =>
      person.id === id(3) ? { ...person, keyId: 'AAAAAAAAAAAAAAAAAAAAAA' } : person,
    );
    expect(() =>
      streamRecipients({ directory, people: lying, verifications: [], authorId: id(2), members: [A, B] }),
    ).toThrow('The server names another key for envoy 3');
  });
});
