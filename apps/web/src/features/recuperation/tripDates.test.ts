import { describe, expect, it } from 'vitest';
import { beforeDeadline, chinaYear, formatMonthDay, formatTripDates, timeLeft, tripEndDate } from './tripDates.ts';

describe('trip dates', () => {
  it('ends the given number of nights after the start, across months and years', () => {
    expect(tripEndDate('2026-12-05', 4)).toBe('2026-12-09');
    expect(tripEndDate('2026-11-29', 4)).toBe('2026-12-03');
    expect(tripEndDate('2026-12-30', 3)).toBe('2027-01-02');
  });

  it('writes the stay as a Chinese reader reads it, the year once', () => {
    expect(formatTripDates('2026-12-05', 4, 'zh-CN')).toBe('2026年12月5日–12月9日');
    expect(formatTripDates('2026-12-30', 3, 'zh-CN')).toBe('2026年12月30日–2027年1月2日');
    expect(formatTripDates('2026-12-05', 4, 'en')).toBe('5 Dec – 9 Dec 2026');
  });

  it('writes a nearby deadline by month and day', () => {
    expect(formatMonthDay('2026-12-01', 'zh-CN')).toBe('12月1日');
    expect(formatMonthDay('2026-01-09', 'en')).toBe('9 Jan');
  });
});

describe('deadlines, in China time', () => {
  it('keeps a calendar-date deadline open until that day ends in Asia/Shanghai', () => {
    // 23:59 on 1 Dec in Shanghai is 15:59 UTC
    expect(beforeDeadline('2026-12-01', new Date('2026-12-01T15:59:00Z'))).toBe(true);
    // midnight of 2 Dec in Shanghai is 16:00 UTC on 1 Dec
    expect(beforeDeadline('2026-12-01', new Date('2026-12-01T16:00:00Z'))).toBe(false);
  });

  it('compares an instant deadline as it is', () => {
    expect(beforeDeadline('2026-12-01T08:00:00Z', new Date('2026-12-01T07:59:59Z'))).toBe(true);
    expect(beforeDeadline('2026-12-01T08:00:00Z', new Date('2026-12-01T08:00:00Z'))).toBe(false);
  });

  it('has no deadline to miss when none is set', () => {
    expect(beforeDeadline(null, new Date())).toBe(true);
  });
});

describe('time left on an offer', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  it('counts whole hours and minutes, rounding the last part-minute up', () => {
    expect(timeLeft('2026-12-01T05:12:00Z', now)).toEqual({ hours: 5, minutes: 12 });
    expect(timeLeft('2026-12-01T00:00:20Z', now)).toEqual({ hours: 0, minutes: 1 });
  });
  it('is null once the offer has expired', () => {
    expect(timeLeft('2026-12-01T00:00:00Z', now)).toBeNull();
    expect(timeLeft('2026-11-30T23:00:00Z', now)).toBeNull();
  });
});

describe('the year of quotas and policies', () => {
  it('turns at midnight in China, not in UTC', () => {
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
