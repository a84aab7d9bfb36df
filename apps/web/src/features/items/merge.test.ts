import { describe, expect, it } from 'vitest';
import { changedFields, mergeAfterReload } from './merge.ts';

const base = { title: '联合宣讲', description: '每年两场', startDate: '2026-06-01', endDate: '2027-05-31' };

describe('keeping the user’s input when someone else saved first', () => {
  it('refreshes the fields the user left alone and keeps the ones they changed', () => {
    const input = { ...base, description: '每年四场，两地轮流' };
    const latest = { ...base, title: '联合宣讲（第二季）', endDate: '2027-06-30' };
    const { values, clashes } = mergeAfterReload(input, base, latest);
    expect(values).toEqual({ title: '联合宣讲（第二季）', description: '每年四场，两地轮流', startDate: '2026-06-01', endDate: '2027-06-30' });
    expect(clashes).toEqual([]);
  });

  it('points out a field both changed to different values, and not one both changed alike', () => {
    const input = { ...base, title: '劳模宣讲', description: '每年四场' };
    const latest = { ...base, title: '联合宣讲（第二季）', description: '每年四场' };
    const { values, clashes } = mergeAfterReload(input, base, latest);
    expect(values.title).toBe('劳模宣讲');
    expect(clashes).toEqual(['title']);
  });

  it('saves only what the user changed', () => {
    expect(changedFields({ ...base, description: '新内容' }, base)).toEqual({ description: '新内容' });
    expect(changedFields(base, base)).toEqual({});
  });
});
