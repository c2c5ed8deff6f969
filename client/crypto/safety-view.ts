/**
 * Safety numbers as people compare them: 60 digits in 12 groups of five and a QR code of the
 * payload, rendered as an SVG data URL (an <img>, which the CSP allows; no inline styles).
 */
import { toString as qrToString } from 'qrcode/lib/browser.js';
import { type FingerprintSubject, partySafetyNumber, safetyNumber } from '../../shared/crypto/safety-number';
import { initCrypto } from '../../shared/crypto/sodium';
import type { KeyRecord } from '../../shared/directory/index';

export type SafetyNumberView = {
  readonly digits: string;
  readonly groups: readonly string[];
  readonly qrDataUrl: string;
};

/** A fingerprint subject from a directory key (or a pending statement's keys). */
export const subjectOf = (key: Pick<KeyRecord, 'person' | 'signKey' | 'boxKey'>): FingerprintSubject => ({
  person: key.person,
  signKey: key.signKey,
  boxKey: key.boxKey,
});

const withQr = async (number: { digits: string; groups: string[]; qrPayload: Uint8Array }) => {
  const svg = await qrToString([{ data: number.qrPayload, mode: 'byte' }], {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return {
    digits: number.digits,
    groups: number.groups,
    qrDataUrl: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`,
  };
};

/** The safety number of two people's keys, the same whichever of them computes it. */
export const safetyNumberView = async (
  mine: FingerprintSubject,
  theirs: FingerprintSubject,
): Promise<SafetyNumberView> => {
  await initCrypto();
  return withQr(safetyNumber(mine, theirs));
};

/** A party's safety number: its root's first key bound to the party id (30 digits in six groups). */
export const partySafetyNumberView = async (party: string, root: FingerprintSubject): Promise<SafetyNumberView> => {
  await initCrypto();
  return withQr(partySafetyNumber(party, root));
};
