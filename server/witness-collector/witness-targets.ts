/**
 * The witnesses a log submits its checkpoints to, from `PARLEY_WITNESSES`: items separated by
 * commas or newlines, each `<witness verifier key> <submission URL prefix>` (the key as
 * `npm run witness -- keygen` prints it; the URL without `/add-checkpoint`).
 */
import { type CosignerKey, parseCosignerKey } from '../../shared/witness/cosigner-key';

/** One witness the log asks for cosignatures. */
export type WitnessTarget = { readonly key: CosignerKey; readonly url: string };

/** Parses the variable; throws an Error with one line naming the bad item. */
export const parseWitnessTargets = (text: string | undefined): WitnessTarget[] => {
  const items = (text ?? '')
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const targets: WitnessTarget[] = [];
  for (const item of items) {
    const [keyText = '', url = '', ...rest] = item.split(/\s+/);
    const key = parseCosignerKey(keyText);
    if (!key.ok) {
      throw new Error(`has a bad witness key ${JSON.stringify(keyText.slice(0, 80))}: ${key.reason}`);
    }
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (rest.length > 0 || parsed === undefined || !['http:', 'https:'].includes(parsed.protocol)) {
      throw new Error(`item for ${key.key.name} must be "<witness key> <http(s) URL>"`);
    }
    if (targets.some((target) => target.key.name === key.key.name)) {
      throw new Error(`names the witness ${key.key.name} twice`);
    }
    targets.push({ key: key.key, url: url.replace(/\/+$/, '') });
  }
  return targets;
};
