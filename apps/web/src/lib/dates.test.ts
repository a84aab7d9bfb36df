import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.ts';

describe('dates as Chinese offices read them', () => {
  it('writes a calendar date as 2026年11月21日', () => {
    expect(formatDate('2026-11-21', 'zh-CN')).toBe('2026年11月21日');
    expect(formatDate('2026-01-05', 'zh-CN')).toBe('2026年1月5日');
    expect(formatDate('2026-11-21', 'en')).toBe('21 Nov 2026');
  });

  it('shows an instant in Asia/Shanghai, whatever the browser zone', () => {
    expect(formatDateTime('2026-11-21T06:05:00.000Z')).toBe('2026-11-21 14:05');
    // 20:30 UTC is already the next day in China
    expect(formatDate('2026-11-21T20:30:00Z', 'zh-CN')).toBe('2026年11月22日');
  });
});
