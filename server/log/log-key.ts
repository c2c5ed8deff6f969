import { createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, type KeyObject, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatVerifierKey } from '../../shared/log/verifier-key';
import type { Config } from '../config';

/** The log's signing identity: key name (the origin), public key and a signing function. */
export type LogSigner = {
  readonly name: string;
  readonly publicKey: Uint8Array;
  /** `name+keyhash+base64(key)`: what clients and the verifier CLI pin. */
  readonly verifierKey: string;
  sign(message: Uint8Array): Uint8Array;
  /**
   * A 32-byte secret for `label` (HKDF-SHA-256 of the key's seed): the same on every server of a
   * deployment, as the key is, and kept out of the database and its backups with it.
   */
  deriveSecret(label: string): Uint8Array;
};

const KEY_FILE = 'log-key.json';

const fromSeed = (seed: Buffer): KeyObject =>
  createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', d: seed.toString('base64url'), x: '' }, format: 'jwk' });

const seedOf = (key: KeyObject): Buffer => Buffer.from(key.export({ format: 'jwk' }).d ?? '', 'base64url');

/**
 * Loads the log key: from `LOG_SIGNING_KEY`, else from `log-key.json` in the data directory,
 * else generates one there at first start (readable by this user only).
 */
export const loadLogSigner = (config: Config): LogSigner => {
  const path = join(config.dataDir, KEY_FILE);
  let privateKey: KeyObject;
  if (config.logSigningSeed) {
    privateKey = fromSeed(Buffer.from(config.logSigningSeed, 'base64url'));
  } else if (existsSync(path)) {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { seed?: string };
    privateKey = fromSeed(Buffer.from(stored.seed ?? '', 'base64url'));
  } else {
    privateKey = generateKeyPairSync('ed25519').privateKey;
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(path, JSON.stringify({ seed: seedOf(privateKey).toString('base64url') }), {
      mode: 0o600,
      flag: 'wx',
    });
  }
  const publicKey = new Uint8Array(
    Buffer.from(createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '', 'base64url'),
  );
  return {
    name: config.logOrigin,
    publicKey,
    verifierKey: formatVerifierKey(config.logOrigin, publicKey),
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
    deriveSecret: (label) => new Uint8Array(hkdfSync('sha256', seedOf(privateKey), new Uint8Array(0), label, 32)),
  };
};
