import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error;
    }
    throw error;
  }
  throw new Error('configuration was accepted');
};

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      publicOrigin: 'http://localhost:8080',
      rpId: 'localhost',
      logLevel: 'info',
    });
    expect(config.dataDir.endsWith('/data')).toBe(true);
  });

  it('names PORT when it is not a port number', () => {
    for (const value of ['abc', '-1', '65536', '80.5']) {
      expect(refusal({ PORT: value }).variable).toBe('PORT');
    }
  });

  it('names DATABASE_URL when it is not a postgres URL, without echoing it', () => {
    for (const value of ['nonsense', 'mysql://u:hunter2@host/db', 'postgres://user:hunter2@/db']) {
      const error = refusal({ DATABASE_URL: value });
      expect(error.variable).toBe('DATABASE_URL');
      expect(error.message).not.toContain('hunter2');
      expect(error.message).not.toContain(value);
    }
  });

  it('refuses an RP ID that does not cover the public origin', () => {
    const error = refusal({ PUBLIC_ORIGIN: 'https://parley.example.org', RP_ID: 'example.com' });
    expect(error.variable).toBe('RP_ID');
  });

  it('derives the RP ID from the public origin and accepts a parent domain', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://parley.example.org' }).rpId).toBe('parley.example.org');
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://parley.example.org', RP_ID: 'example.org' }).rpId).toBe('example.org');
  });

  it('refuses a public origin with a path and an unknown log level', () => {
    expect(refusal({ PUBLIC_ORIGIN: 'https://parley.example.org/app' }).variable).toBe('PUBLIC_ORIGIN');
    expect(refusal({ LOG_LEVEL: 'loud' }).variable).toBe('LOG_LEVEL');
  });

  it('refuses an http: PUBLIC_ORIGIN unless its host is local (cookies would lack Secure)', () => {
    expect(refusal({ PUBLIC_ORIGIN: 'http://parley.example.org' }).variable).toBe('PUBLIC_ORIGIN');
    expect(loadConfig({ PUBLIC_ORIGIN: 'http://127.0.0.1:8080' }).publicOrigin).toBe('http://127.0.0.1:8080');
    expect(loadConfig({ PUBLIC_ORIGIN: 'https://parley.example.org' }).rpId).toBe('parley.example.org');
  });

  it('takes TRUST_PROXY as false, loopback, a hop count or proxy addresses, and names it otherwise', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 2001:db8::1' }).trustProxy).toEqual(['10.0.0.0/8', '2001:db8::1']);
    for (const value of ['true', 'yes', '0', '10.0.0.0/33', 'proxy.example.org']) {
      expect(refusal({ TRUST_PROXY: value }).variable).toBe('TRUST_PROXY');
    }
  });

  it('has documented defaults for every limit and names a limit that is not a whole number in range', () => {
    expect(loadConfig({})).toMatchObject({
      diskReserveBytes: 64 * 1024 * 1024,
      liveStreamsPerSession: 4,
      liveStreamsMax: 500,
      exportsAtOnce: 2,
      headersTimeoutMs: 20_000,
      requestTimeoutMs: 120_000,
      streamTurnKeepMs: 1_000,
    });
    for (const [variable, value] of [
      ['DISK_RESERVE_MB', '-1'],
      ['LIVE_STREAMS_PER_SESSION', '0'],
      ['LIVE_STREAMS_MAX', 'many'],
      ['ATTACHMENT_QUOTA_MB', '1.5'],
      ['ATTACHMENT_UPLOADS_PER_HOUR', '0'],
      ['UNCLAIMED_UPLOAD_TTL_MINUTES', '1'],
      ['EXPORT_MAX_MB', '0'],
      ['EXPORTS_AT_ONCE', '100'],
      ['CEREMONY_GLOBAL_PER_MINUTE', '0'],
      ['HEADERS_TIMEOUT_S', '0'],
      ['REQUEST_TIMEOUT_S', '99999'],
      ['STREAM_TURN_KEEP_MS', '10001'],
    ] as const) {
      expect(refusal({ [variable]: value }).variable).toBe(variable);
    }
  });
});
