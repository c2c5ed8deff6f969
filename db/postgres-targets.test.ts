import { describe, expect, it } from 'vitest';
import { parsePostgresTargets } from './postgres-targets';

describe('parsePostgresTargets', () => {
  it('splits a libpq multi-host URL into one URL per host, keeping user, database and options', () => {
    expect(
      parsePostgresTargets(
        'postgres://parley:s3cret@127.0.0.1:6001,127.0.0.1:6002/parley?sslmode=disable&target_session_attrs=read-write',
      ),
    ).toEqual({
      urls: [
        'postgres://parley:s3cret@127.0.0.1:6001/parley?sslmode=disable',
        'postgres://parley:s3cret@127.0.0.1:6002/parley?sslmode=disable',
      ],
      requireWritable: true,
    });
  });

  it('leaves a single-host URL as it is and accepts any server', () => {
    expect(parsePostgresTargets('postgresql://db.example.org/parley')).toEqual({
      urls: ['postgresql://db.example.org/parley'],
      requireWritable: false,
    });
  });

  it('removes target_session_attrs wherever it stands among the options', () => {
    expect(
      parsePostgresTargets('postgres://a:1,[::1]:2/p?target_session_attrs=read-write&sslmode=require').urls,
    ).toEqual(['postgres://a:1/p?sslmode=require', 'postgres://[::1]:2/p?sslmode=require']);
  });

  it.each([
    ['not a URL', 'localhost:5432'],
    ['an empty host in the list', 'postgres://a:1,,b:2/p'],
    ['another scheme', 'mysql://a/p'],
    ['an unsupported session attribute', 'postgres://a,b/p?target_session_attrs=standby'],
  ])('refuses %s without echoing the URL', (_name, value) => {
    expect(() => parsePostgresTargets(value)).toThrowError(/^(must be|target_session_attrs)/);
    try {
      parsePostgresTargets(`${value}#password`);
    } catch (error) {
      expect(String(error)).not.toContain('password');
    }
  });
});
