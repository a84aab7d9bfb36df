import { describe, expect, it } from 'vitest';
import { byDay, chinaDateOf, chinaTime, monthGrid, shiftMonth } from './calendar.ts';

describe('events calendar arithmetic', () => {
  it('a month view starts on the Monday on or before the 1st and shows six weeks', () => {
    // 2027-01-01 is a Friday: the grid starts on Monday 2026-12-28
    const jan = monthGrid('2027-01');
    expect(jan).toHaveLength(42);
    expect(jan[0]).toBe('2026-12-28');
    expect(jan[41]).toBe('2027-02-07');
    // 2026-06-01 is a Monday: the grid starts on the 1st itself
    expect(monthGrid('2026-06')[0]).toBe('2026-06-01');
    // 2026-11-01 is a Sunday: six days of October come first
    expect(monthGrid('2026-11')[0]).toBe('2026-10-26');
  });

  it('moves across a year boundary', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
  });

  it('places a session on its China date, not the browser’s', () => {
    // 00:30 on 1 January in China is 16:30 on 31 December UTC
    expect(chinaDateOf('2026-12-31T16:30:00.000Z')).toBe('2027-01-01');
    expect(chinaTime('2026-12-31T16:30:00.000Z')).toBe('00:30');
    const days = byDay([
      { id: 'b', startsAt: '2027-01-01T06:00:00.000Z' },
      { id: 'a', startsAt: '2026-12-31T16:30:00.000Z' },
      { id: 'c', startsAt: '2027-01-02T01:00:00.000Z' },
    ]);
    expect([...days.keys()]).toEqual(['2027-01-01', '2027-01-02']);
    expect(days.get('2027-01-01')!.map((e) => e.id)).toEqual(['a', 'b']);
  });
});
