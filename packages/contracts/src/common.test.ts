import { describe, expect, it } from 'vitest';
import { dateString, int32, isCalendarDate, safeText, trimmed } from './common.ts';

describe('edge primitives', () => {
  it('refuses impossible calendar dates', () => {
    for (const bad of ['2026-02-30', '0000-00-00', '2026-13-01', '2026-1-01', '12026-01-01', '2026-02-29']) expect(isCalendarDate(bad)).toBe(false);
    for (const good of ['2024-02-29', '2026-12-31', '1990-01-01']) expect(isCalendarDate(good)).toBe(true);
    expect(dateString.safeParse('2026-02-30').success).toBe(false);
  });
  it('refuses NUL and lone surrogates in text, keeps real emoji and Chinese', () => {
    expect(trimmed(1, 20).safeParse('a\u0000b').success).toBe(false);
    expect(trimmed(1, 20).safeParse('a\ud800').success).toBe(false);
    expect(safeText(20).safeParse('\udc00x').success).toBe(false);
    expect(trimmed(1, 20).safeParse('杭州 😀').success).toBe(true);
  });
  it('bounds integers to int4', () => {
    expect(int32.safeParse(2 ** 31).success).toBe(false);
    expect(int32.safeParse(2 ** 31 - 1).success).toBe(true);
  });
});
