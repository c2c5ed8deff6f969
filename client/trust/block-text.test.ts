import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initCrypto } from '../../shared/crypto/sodium';
import { peopleHintConflicts } from '../core/people-hints';
import { catalogues } from '../i18n/catalogues';
import { type BlockText, blockSentence } from './block-text';
import { sendVerdict } from './send-check';
import { PARTIES, trustWorld } from './trust-fixtures';

beforeAll(initCrypto);

const translator = async (language: string): Promise<TFunction> => {
  const i18n = createInstance();
  await i18n.init({ resources: catalogues(), lng: language, interpolation: { escapeValue: false } });
  return i18n.getFixedT(language, ['trust', 'common']);
};

/** Every way the fixtures block sending, with the English sentence send-check keeps for errors. */
const blockedInFixtures = () => {
  const { data, people } = trustWorld();
  const lying = data.people.map((view) => (view.id === people.envoyC.id ? { ...view, role: 'staff' as const } : view));
  const conflicts = peopleHintConflicts(lying, data.directory);
  const rootPin = {
    party: PARTIES.b,
    root: people.adminB.id,
    rootKeyId: people.envoyB.keys.keyId,
    verifiedAt: '2026-12-01T00:00:00.000Z',
  };
  const otherKey = {
    person: people.envoyB.id,
    keyId: people.envoyC.keys.keyId,
    verifiedAt: '2026-12-01T00:00:00.000Z',
  };
  const members = [PARTIES.a, PARTIES.b];
  return [
    ...sendVerdict({ ...data, people: lying, conflicts }, { authorId: people.envoyA.id, members }).blocked,
    ...sendVerdict(
      { ...data, verifications: { people: [], parties: [rootPin] } },
      { authorId: people.envoyA.id, members },
    ).blocked,
    ...sendVerdict(
      { ...data, verifications: { people: [otherKey], parties: [] } },
      { authorId: people.envoyA.id, members },
    ).blocked,
    ...sendVerdict(data, { authorId: 'ffffffff-ffff-4fff-8fff-ffffffffffff', members: [PARTIES.a] }).blocked,
  ];
};

describe('why sending is blocked, in the reader’s language', () => {
  it('words every block of the fixtures in English exactly as the English message', async () => {
    const t = await translator('en');
    const blocked = blockedInFixtures();
    expect(blocked.map((block) => block.text.kind).sort()).toEqual(
      ['key-changed', 'no-key', 'party-root-changed', 'people-hint'].sort(),
    );
    for (const block of blocked) {
      expect(blockSentence(t, block.text)).toBe(block.message);
    }
  });

  it('words the blocks the fixtures cannot produce as send-check does', async () => {
    const t = await translator('en');
    const unendorsed: BlockText = {
      kind: 'not-party-endorsed',
      name: 'Envoy B',
      role: 'envoy',
      party: 'Lyonesse',
      endorsers: [{ name: 'Admin C', party: 'Thule' }],
    };
    expect(blockSentence(t, unendorsed)).toBe(
      "Envoy B (envoy, Lyonesse) was not endorsed along their own party's chain (endorsed by Admin C of Thule) — nothing is sealed to them",
    );
    expect(blockSentence(t, { ...unendorsed, endorsers: [] })).toContain('(endorsed by no one)');
    expect(blockSentence(t, { kind: 'no-party-root', name: 'Envoy B', role: 'envoy', party: 'Lyonesse' })).toBe(
      'Envoy B (envoy, Lyonesse): their party has no root in the log, so no one vouches for them — nothing is sealed to them',
    );
  });

  it('says the same in Ukrainian and Russian, naming the person, with the role translated', async () => {
    for (const language of ['uk', 'ru']) {
      const t = await translator(language);
      for (const block of blockedInFixtures().filter((candidate) => candidate.text.kind !== 'no-key')) {
        const sentence = blockSentence(t, block.text);
        expect(sentence).not.toBe(block.message);
        expect(sentence).toContain(block.name);
      }
      const sentence = blockSentence(t, { kind: 'no-party-root', name: 'Envoy B', role: 'envoy', party: 'Lyonesse' });
      expect(sentence).not.toContain('envoy');
    }
  });
});
