import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { CHINA_TZ, chinaDate } from './dates.ts';

describe('chinaDate', () => {
  it('turns at midnight China time', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('agrees with the time-zone database, hour by hour over two years', () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
      expect(chinaDate(new Date(t))).toBe(dayjs(t).tz(CHINA_TZ).format('YYYY-MM-DD'));
    }
  });
});
