import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCosignerKey } from '../../shared/witness/cosigner-key';
import { useMemoryLocalStorage } from './memory-local-storage';
import {
  forgetWitnessPins,
  pinPastedWitnesses,
  readPastedWitnessPins,
  replaceWitnessPins,
} from './witness-pin-changes';
import { currentWitnessPins, offerWitnessPinsFromFragment } from './witness-pins';

const PINS_KEY = 'parley.log.witnesses.v1';
const keyText = (name: string, fill: number) => formatCosignerKey({ name, publicKey: new Uint8Array(32).fill(fill) });
const A = `party-a=${keyText('witness.a.test/w1', 1)}`;
const B = `party-b=${keyText('witness.b.test/w1', 2)}`;
const C = `party-c=${keyText('witness.c.test/w1', 3)}`;

const store = useMemoryLocalStorage();
afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

const snapshot = () => JSON.stringify([...store]);

describe('pasting witness keys on the log page', () => {
  it('pins pasted keys, one a line, when none are held', () => {
    const pasted = pinPastedWitnesses(`  ${A}\r\n\n${B}\n`);
    expect(pasted.ok).toBe(true);
    const held = currentWitnessPins();
    expect(held).toMatchObject({ source: 'entered', text: `${A}\n${B}` });
    expect(held?.witnesses.map(({ party }) => party)).toEqual(['party-a', 'party-b']);
  });

  it('refuses text that does not parse, naming the line, and changes nothing', () => {
    expect(pinPastedWitnesses(`${A}\n\nparty-b=witness.b.test/w1+0000`)).toEqual({
      ok: false,
      refusal: {
        kind: 'invalid',
        line: 3,
        reason: 'witness pin "party-b=witness.b.test/w1+0000": witness key is not <name>+<key ID>+<key>',
      },
    });
    expect(pinPastedWitnesses(`=${keyText('witness.b.test/w1', 2)}`)).toMatchObject({
      refusal: { kind: 'invalid', line: 1, reason: 'witness pin for witness.b.test/w1 names an empty party' },
    });
    expect(pinPastedWitnesses(`${A}\nparty-x=${keyText('witness.a.test/w1', 1)}`)).toMatchObject({
      refusal: { kind: 'invalid', line: null, reason: 'witness witness.a.test/w1 is pinned twice' },
    });
    expect(pinPastedWitnesses(' \n ')).toEqual({ ok: false, refusal: { kind: 'empty' } });
    expect(store.size).toBe(0);
    expect(currentWitnessPins()).toBeNull();
  });

  it('never pins over held keys: those change only through a replace', () => {
    pinPastedWitnesses(A);
    const before = snapshot();
    expect(pinPastedWitnesses(B)).toEqual({ ok: false, refusal: { kind: 'held' } });
    expect(snapshot()).toBe(before);
  });

  it('replaces held keys with the new ones once the old ones shown are confirmed', () => {
    offerWitnessPinsFromFragment(`token&witnesses=${encodeURIComponent(A)}`);
    const shown = currentWitnessPins()?.text ?? '';
    const preview = readPastedWitnessPins(`${B}\n${C}`);
    expect(preview.ok && preview.witnesses.map(({ key }) => key.name)).toEqual([
      'witness.b.test/w1',
      'witness.c.test/w1',
    ]);
    expect(replaceWitnessPins(`${B}\n${C}`, shown).ok).toBe(true);
    expect(currentWitnessPins()).toMatchObject({ source: 'entered', text: `${B}\n${C}` });
  });

  it('refuses a replace by invalid text, of pins changed since the confirm step, or with none held', () => {
    pinPastedWitnesses(A);
    const shown = currentWitnessPins()?.text ?? '';
    const before = snapshot();
    expect(replaceWitnessPins(`${B}\nnonsense`, shown)).toMatchObject({
      ok: false,
      refusal: { kind: 'invalid', line: 2 },
    });
    expect(replaceWitnessPins('', shown)).toEqual({ ok: false, refusal: { kind: 'empty' } });
    expect(replaceWitnessPins(B, `${shown}\n${C}`)).toEqual({ ok: false, refusal: { kind: 'changed' } });
    expect(forgetWitnessPins(B)).toEqual({ ok: false, refusal: { kind: 'changed' } });
    expect(snapshot()).toBe(before);
    store.clear();
    expect(replaceWitnessPins(B, shown)).toEqual({ ok: false, refusal: { kind: 'none-held' } });
    expect(store.size).toBe(0);
  });

  it('forgets held keys, after which a link may pin again', () => {
    pinPastedWitnesses(A);
    expect(forgetWitnessPins(currentWitnessPins()?.text ?? '')).toEqual({ ok: true, pins: null });
    expect(currentWitnessPins()).toBeNull();
    expect(store.has(PINS_KEY)).toBe(false);
    expect(offerWitnessPinsFromFragment(`token&witnesses=${encodeURIComponent(B)}`).kind).toBe('pinned');
  });
});

describe('witness keys built into the client', () => {
  const withBuiltPins = async () => {
    vi.stubGlobal('__PARLEY_WITNESS_PINS__', A);
    vi.resetModules();
    return {
      changes: await import('./witness-pin-changes'),
      pins: await import('./witness-pins'),
    };
  };

  it('cannot be pinned over, replaced or forgotten from the page, and a link with other keys conflicts', async () => {
    const { changes, pins } = await withBuiltPins();
    const built = pins.currentWitnessPins();
    expect(built).toMatchObject({ source: 'build', pinnedAt: null, text: A });
    expect(changes.pinPastedWitnesses(B)).toEqual({ ok: false, refusal: { kind: 'built' } });
    expect(changes.replaceWitnessPins(B, A)).toEqual({ ok: false, refusal: { kind: 'built' } });
    expect(changes.forgetWitnessPins(A)).toEqual({ ok: false, refusal: { kind: 'built' } });
    expect(pins.offerWitnessPinsFromFragment(`t&witnesses=${encodeURIComponent(B)}`)).toMatchObject({
      kind: 'conflicts',
      held: { source: 'build' },
    });
    expect(pins.offerWitnessPinsFromFragment(`t&witnesses=${encodeURIComponent(A)}`)).toEqual({ kind: 'same' });
    expect(store.size).toBe(0);
    expect(pins.currentWitnessPins()).toEqual(built);
  });
});
