import { describe, expect, it } from 'vitest';
import { todayInChina } from './dates.ts';

describe('today in China', () => {
  it('is already tomorrow for China when it is 16:00 UTC or later', () => {
    expect(todayInChina(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(todayInChina(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
    expect(todayInChina(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01');
  });
});
