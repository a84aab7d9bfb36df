import { describe, expect, it } from 'vitest';
import { inScale, labelEvery, timelineScale, yearAround } from './timeline.ts';

describe('the timeline of items and milestones', () => {
  it('runs from the first of the earliest month to the first of the month after the latest date', () => {
    const scale = timelineScale(['2026-03-15', '2026-01-20', '2026-12-31'])!;
    expect(scale.from).toBe('2026-01-01');
    expect(scale.to).toBe('2027-01-01');
    expect(scale.months.map((m) => m.date.slice(5, 7))).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
    expect(scale.at('2026-01-01')).toBe(0);
    expect(scale.at('2027-01-01')).toBe(1);
    expect(scale.at('2026-07-02')).toBeCloseTo(182 / 365, 5);
  });

  it('clamps dates outside the range and has nothing to draw without dates', () => {
    const scale = timelineScale(['2026-05-05'])!;
    expect(scale.months).toHaveLength(1);
    expect(scale.at('2025-01-01')).toBe(0);
    expect(scale.at('2030-01-01')).toBe(1);
    expect(timelineScale([])).toBeNull();
  });

  it('labels fewer months on a phone than on a desktop', () => {
    expect(labelEvery(24, 1200)).toBe(2);
    expect(labelEvery(24, 320)).toBe(5);
    expect(labelEvery(6, 1200)).toBe(1);
    expect(labelEvery(36, 0)).toBe(36);
  });

  it('narrows a long term to the year around today, across year ends', () => {
    expect(yearAround('2026-11-21')).toEqual(['2026-08-01', '2027-07-31']);
    expect(yearAround('2027-02-10')).toEqual(['2026-11-01', '2027-10-31']);
    const scale = timelineScale(yearAround('2026-11-21'))!;
    expect(scale.months).toHaveLength(12);
    expect(inScale(scale, '2026-07-31')).toBe(false);
    expect(inScale(scale, '2026-08-01')).toBe(true);
    expect(inScale(scale, '2029-05-31')).toBe(false);
  });
});
