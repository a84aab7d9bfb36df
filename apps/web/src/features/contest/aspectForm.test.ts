import { describe, expect, it } from 'vitest';
import { fromAspect, toAspect } from './aspectForm.ts';

describe('an aspect from the event form', () => {
  const base = { key: 'a1', label: ' 接线电阻 ', part: 'practical' as const, max: 10 };

  it('carries a tolerance only for a practical measurement with a target, zero limit defaulting to the full-marks one', () => {
    expect(toAspect({ ...base, type: 'measurement', tolerance: { target: 0.5, within: 0.05, zeroBeyond: null, unit: ' Ω ' } })).toEqual({
      key: 'a1',
      label: '接线电阻',
      part: 'practical',
      type: 'measurement',
      max: 10,
      tolerance: { target: 0.5, within: 0.05, zeroBeyond: 0.05, unit: 'Ω' },
    });
    expect(toAspect({ ...base, type: 'measurement', tolerance: { target: null, within: 0.05 } })).not.toHaveProperty('tolerance');
    expect(toAspect({ ...base, part: 'theory', type: 'measurement', tolerance: { target: 1 } })).not.toHaveProperty('tolerance');
  });

  it('carries levels only for a practical judgement with two lines or more, blank lines dropped', () => {
    expect(toAspect({ ...base, type: 'judgement', levelsText: '未达到要求\n\n 基本达到 \n达到' }).levels).toEqual(['未达到要求', '基本达到', '达到']);
    expect(toAspect({ ...base, type: 'judgement', levelsText: '只有一级' })).not.toHaveProperty('levels');
    expect(toAspect({ ...base, type: 'measurement', levelsText: 'a\nb' })).not.toHaveProperty('levels');
  });

  it('round-trips an event’s aspects through the form unchanged (what the scheme editor starts from)', () => {
    const scheme = [
      { key: 'theory', label: '理论知识', part: 'theory' as const, type: 'measurement' as const, max: 100 },
      { key: 'ohms', label: '接线电阻', part: 'practical' as const, type: 'measurement' as const, max: 10, tolerance: { target: 0.5, within: 0.05, zeroBeyond: 0.2, unit: 'Ω' } },
      { key: 'craft', label: '工艺', part: 'practical' as const, type: 'judgement' as const, max: 9, levels: ['未达到', '基本达到', '达到'] },
    ];
    expect(scheme.map(fromAspect).map(toAspect)).toEqual(scheme);
  });
});
