import { describe, expect, it } from 'vitest';
import { CookieJar } from './cookie-jar';

describe('CookieJar', () => {
  it('keeps a cookie from Set-Cookie and sends it back in a Cookie header', () => {
    const jar = new CookieJar();
    jar.store(['parley_session=abc123; Path=/; HttpOnly; SameSite=Strict', 'other=x%20y; Path=/']);
    expect(jar.get('parley_session')).toBe('abc123');
    expect(jar.get('other')).toBe('x y');
    expect(jar.header()).toBe('parley_session=abc123; other=x%20y');
  });

  it('forgets a cookie cleared with an empty value or a past expiry', () => {
    const jar = new CookieJar();
    jar.store(['a=1; Path=/', 'b=2; Path=/']);
    jar.store(['a=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'b=2; Max-Age=0']);
    expect(jar.get('a')).toBeUndefined();
    expect(jar.get('b')).toBeUndefined();
    expect(jar.header()).toBeUndefined();
  });

  it('drops a cookie once its expiry passes', () => {
    let now = 1_000_000;
    const jar = new CookieJar(() => now);
    jar.store(['parley_session=abc; Max-Age=60']);
    expect(jar.get('parley_session')).toBe('abc');
    now += 60_001;
    expect(jar.get('parley_session')).toBeUndefined();
    expect(jar.header()).toBeUndefined();
  });
});
