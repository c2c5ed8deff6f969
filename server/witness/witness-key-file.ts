/**
 * A witness's Ed25519 key on disk, in the signer key text of golang.org/x/mod/sumdb/note
 * (`PRIVATE+KEY+<name>+<key ID hex>+<base64(0x01 || seed)>`), the form litewitness and
 * transparency-dev's cosignature/v1 signer read, so a key can move between implementations.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeCanonicalBase64, encodeBase64 } from '../../shared/log/canonical-base64';
import { formatKeyId, isValidKeyName, keyIdOf } from '../../shared/log/verifier-key';
import { type CosignerKey, cosignerKeyOf } from '../../shared/witness/cosigner-key';

/** A witness identity: its cosigner key and a function that signs with it. */
export type WitnessSigner = { readonly key: CosignerKey; sign(message: Uint8Array): Uint8Array };

const PREFIX = 'PRIVATE+KEY+';

const signerFromSeed = (name: string, seed: Uint8Array): WitnessSigner => {
  const privateKey: KeyObject = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x: '' },
    format: 'jwk',
  });
  const publicKey = new Uint8Array(
    Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url'),
  );
  return {
    key: cosignerKeyOf(name, publicKey),
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
  };
};

/** Reads a witness key text; throws an Error with one line that says what is wrong. */
export const parseWitnessKeyText = (text: string): WitnessSigner => {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text;
  const parts = trimmed.startsWith(PREFIX) ? trimmed.slice(PREFIX.length).split('+') : [];
  const [name = '', keyIdHex = '', ...material] = parts;
  const typedSeed = decodeCanonicalBase64(material.join('+'));
  if (!isValidKeyName(name) || !/^[0-9a-f]{8}$/.test(keyIdHex) || typedSeed?.length !== 33 || typedSeed[0] !== 1) {
    throw new Error('the key file is not a PRIVATE+KEY+<name>+<key ID>+<base64(0x01 || seed)> Ed25519 key');
  }
  const signer = signerFromSeed(name, typedSeed.slice(1));
  if (formatKeyId(keyIdOf(name, signer.key.publicKey)) !== keyIdHex) {
    throw new Error('the key file key ID does not match its name and key');
  }
  return signer;
};

/** Loads the witness key from a file; throws an Error with one line on a missing or bad file. */
export const loadWitnessKey = (path: string): WitnessSigner => {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read the key file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`);
  }
  return parseWitnessKeyText(text);
};

/** The key text of a fresh witness key named `name`. */
export const generateWitnessKeyText = (name: string, seed?: Uint8Array): string => {
  if (!isValidKeyName(name)) {
    throw new Error('a witness name must be non-empty, without spaces, "+" or control characters');
  }
  const fresh =
    seed ?? Buffer.from(generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' }).d ?? '', 'base64url');
  const signer = signerFromSeed(name, fresh);
  const typedSeed = new Uint8Array(33);
  typedSeed[0] = 1;
  typedSeed.set(fresh, 1);
  return `${PREFIX}${name}+${formatKeyId(keyIdOf(name, signer.key.publicKey))}+${encodeBase64(typedSeed)}\n`;
};

/** Writes a fresh key to `path` (readable by this user only), refusing to overwrite one. */
export const writeNewWitnessKey = (path: string, name: string): WitnessSigner => {
  const text = generateWitnessKeyText(name);
  try {
    writeFileSync(path, text, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EEXIST' ? `${path} exists: a witness key is never overwritten` : `cannot write ${path}: ${code}`,
    );
  }
  return parseWitnessKeyText(text);
};
