/**
 * A small world for the browser's trust tests, built with the real crypto and the shared rules:
 * three parties, each started by its own root admin, who enrols an envoy; the server's lists as
 * an honest server gives them. Used by tests only.
 */
import { type FixturePerson, person, signedBy, statementAbout } from '../../shared/directory/directory-fixtures';
import { emptyDirectory } from '../../shared/directory/index';
import type { PersonView } from '../../shared/schemas/identity';
import type { SignedKeyStatement } from '../../shared/schemas/key-statement';
import type { TrustData } from './trust-context';

export const PARTIES = {
  a: '11111111-1111-4111-8111-111111111111',
  b: '22222222-2222-4222-8222-222222222222',
  c: '33333333-3333-4333-8333-333333333333',
} as const;

const PARTY_NAMES = { a: 'Avalon', b: 'Lyonesse', c: 'Cornwall' } as const;

type Who = 'adminA' | 'envoyA' | 'adminB' | 'envoyB' | 'adminC' | 'envoyC';

const id = (n: number) => `aaaaaaaa-aaaa-4aaa-8aaa-${String(n).padStart(12, '0')}`;

/** Roots and envoys of A, B and C, and the trust data of envoy A, who has verified nothing yet. */
export const trustWorld = () => {
  const directory = emptyDirectory();
  let position = 0;
  const apply = (signed: SignedKeyStatement) => {
    const applied = directory.apply(signed, position++);
    if (!applied.ok) {
      throw new Error(applied.reason);
    }
  };
  const people = {} as Record<Who, FixturePerson>;
  const views: PersonView[] = [];
  let n = 0;
  for (const key of ['a', 'b', 'c'] as const) {
    const party = PARTIES[key];
    const admin = person(id(++n), 'admin', party);
    const envoy = person(id(++n), 'envoy', party);
    const label = key.toUpperCase() as 'A' | 'B' | 'C';
    const enrolment = (who: FixturePerson, name: string, authority: string) =>
      statementAbout(who, { name, authority, invitation: id(99) });
    apply(signedBy(enrolment(admin, `Admin ${label}`, 'bootstrap'), admin));
    apply(signedBy(enrolment(envoy, `Envoy ${label}`, admin.id), envoy, admin));
    people[`admin${label}`] = admin;
    people[`envoy${label}`] = envoy;
    for (const [who, name] of [
      [admin, `Admin ${label}`],
      [envoy, `Envoy ${label}`],
    ] as const) {
      const partyView = { id: party, name: PARTY_NAMES[key] };
      views.push({ id: who.id, name, role: who.role, party: partyView, status: 'active', keyId: who.keys.keyId });
    }
  }
  const data: TrustData & { verifications: NonNullable<TrustData['verifications']> } = {
    directory,
    people: views,
    parties: (['a', 'b', 'c'] as const).map((key) => ({ id: PARTIES[key], name: PARTY_NAMES[key] })),
    conflicts: [],
    verifications: { people: [], parties: [] },
    verificationsError: null,
  };
  return { data, people, apply };
};
