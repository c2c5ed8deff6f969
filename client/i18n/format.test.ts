import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime } from './format';

describe('formatDateTime', () => {
  const moment = Date.UTC(2026, 2, 4, 13, 5);

  it('writes the day the way each language does and always names the zone', () => {
    expect(formatDateTime('en', moment, 'UTC')).toMatch(/^4 Mar 2026, 13:05 UTC$/);
    expect(formatDateTime('uk', moment, 'UTC')).toMatch(/4 бер\. 2026.*13:05.*UTC/);
    expect(formatDateTime('ru', moment, 'UTC')).toMatch(/4 мар\. 2026.*13:05.*UTC/);
  });

  it('shows the same moment in another zone with that zone named', () => {
    expect(formatDateTime('uk', moment, 'Europe/Kyiv')).toMatch(/15:05.*(GMT\+2|EET|за східноєвропейським)/);
  });
});

describe('formatBytes', () => {
  it('names the 50 MiB upload limit in each language', () => {
    expect(formatBytes('en', 50 * 1024 * 1024)).toBe('50 MB');
    expect(formatBytes('uk', 50 * 1024 * 1024)).toMatch(/^50\sМБ$/);
    expect(formatBytes('ru', 50 * 1024 * 1024)).toMatch(/^50\sМБ$/);
  });
});
