import { describe, expect, it } from 'vitest';
import { formatCosignerKey } from '../../shared/witness/cosigner-key';
import { useMemoryLocalStorage } from './memory-local-storage';
import { currentWitnessPins, offerWitnessPinsFromFragment, withWitnessPins } from './witness-pins';

const PINS_KEY = 'parley.log.witnesses.v1';
const keyText = (name: string, fill: number) => formatCosignerKey({ name, publicKey: new Uint8Array(32).fill(fill) });
const A = `party-a=${keyText('witness.a.test/w1', 1)}`;
const B = `party-b=${keyText('witness.b.test/w1', 2)}`;
const fragment = (text: string) => `token123&log=x&witnesses=${encodeURIComponent(text)}`;

const store = useMemoryLocalStorage();

describe("what becomes of an invitation link's witness keys", () => {
  it('is absent without a witnesses= parameter, and pins nothing', () => {
    expect(offerWitnessPinsFromFragment('token123&log=x&legacy=0')).toEqual({ kind: 'absent' });
    expect(store.size).toBe(0);
  });

  it('pins the keys when the browser holds none, as taken from an invitation', () => {
    const offer = offerWitnessPinsFromFragment(fragment(`${A},${B}`));
    expect(offer.kind).toBe('pinned');
    const held = currentWitnessPins();
    expect(held?.source).toBe('invitation');
    expect(held?.witnesses.map(({ key, party }) => [key.name, party])).toEqual([
      ['witness.a.test/w1', 'party-a'],
      ['witness.b.test/w1', 'party-b'],
    ]);
  });

  it('says nothing for the same keys in another order', () => {
    offerWitnessPinsFromFragment(fragment(`${A},${B}`));
    const before = store.get(PINS_KEY);
    expect(offerWitnessPinsFromFragment(fragment(`${B}\n${A}`))).toEqual({ kind: 'same' });
    expect(store.get(PINS_KEY)).toBe(before);
  });

  it('answers a conflict for other keys, another party or one witness less, and keeps the held pins', () => {
    offerWitnessPinsFromFragment(fragment(`${A},${B}`));
    const before = store.get(PINS_KEY);
    const otherKey = `party-a=${keyText('witness.a.test/w1', 9)}`;
    const otherParty = `party-c=${keyText('witness.a.test/w1', 1)}`;
    for (const text of [`${otherKey},${B}`, `${otherParty},${B}`, A]) {
      const offer = offerWitnessPinsFromFragment(fragment(text));
      expect(offer.kind, text).toBe('conflicts');
      if (offer.kind === 'conflicts') {
        expect(offer.held.text).toBe(`${A},${B}`);
        expect(offer.offered.length).toBe(text.split(',').length);
      }
      expect(store.get(PINS_KEY)).toBe(before);
    }
  });

  it('refuses a damaged parameter with the reason, and pins nothing', () => {
    const refused = (text: string) => {
      const offer = offerWitnessPinsFromFragment(text);
      expect(store.size, text).toBe(0);
      return offer.kind === 'refused' ? offer.reason : `not refused: ${offer.kind}`;
    };
    expect(refused('token123&witnesses=%E0%A4%A')).toBe('the witness keys are not percent-encoded text');
    expect(refused(fragment(`party-a=${keyText('witness.a.test/w1', 1).slice(0, -4)}`))).toMatch(
      /^witness pin "party-a=witness\.a\.test\/w1\+[0-9a-f]{8}\+.*": witness key is not an Ed25519 cosignature\/v1 key/,
    );
    expect(refused(fragment(`${A},party-b=${keyText('witness.a.test/w1', 2)}`))).toBe(
      'witness witness.a.test/w1 is pinned twice',
    );
    expect(refused('token123&witnesses=')).toBe('the link names no witness key');
    expect(refused(`${fragment(A)}&witnesses=${encodeURIComponent(B)}`)).toBe(
      'the link names witness keys more than once',
    );
  });

  it('refuses a damaged parameter even when pins are held, and keeps them', () => {
    offerWitnessPinsFromFragment(fragment(A));
    const before = store.get(PINS_KEY);
    expect(offerWitnessPinsFromFragment(fragment('party-b=not-a-key')).kind).toBe('refused');
    expect(store.get(PINS_KEY)).toBe(before);
  });

  it('reads pins stored before their source was recorded as taken from an invitation', () => {
    store.set(PINS_KEY, JSON.stringify({ text: A, pinnedAt: '2026-01-01T00:00:00.000Z' }));
    expect(currentWitnessPins()).toMatchObject({ source: 'invitation', pinnedAt: '2026-01-01T00:00:00.000Z' });
  });
});

describe("an admin's links carry the witness keys the admin's browser holds", () => {
  it('adds them as a witnesses= parameter that an invitee browser pins as they were', () => {
    const link = withWitnessPins('https://parley.example/enrol#token123&log=x', { text: `${A},${B}` });
    const offer = offerWitnessPinsFromFragment(link.slice(link.indexOf('#') + 1));
    expect(offer.kind).toBe('pinned');
    expect(currentWitnessPins()?.text).toBe(`${A},${B}`);
  });

  it('leaves a link alone when the browser holds none', () => {
    expect(withWitnessPins('https://parley.example/enrol#token123', null)).toBe(
      'https://parley.example/enrol#token123',
    );
  });
});
