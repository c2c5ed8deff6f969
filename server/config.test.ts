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
});
