import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/i18n.ts';
import type { TFunction } from '@/lib/locale.ts';
import { activityDetail, activityLabel } from './activityText.ts';

const t: TFunction = (key, vars) => translate('zh-CN', key, vars);

describe('the activity feed in words', () => {
  it('names known events and shows unknown ones as they are', () => {
    expect(activityLabel(t, 'milestone.confirmed')).toBe('确认了时间节点');
    expect(activityLabel(t, 'contest.scored')).toBe('contest.scored');
  });

  it('says what changed: the thing named, codes in words, from → to, the reason quoted', () => {
    expect(activityDetail(t, { milestoneTitle: '完成调研报告', reason: '数据需补充' })).toBe('完成调研报告 · “数据需补充”');
    expect(activityDetail(t, { from: 'in_progress', to: 'delayed', reason: '场地调整' })).toBe('“场地调整” · 推进中 → 延期');
    expect(activityDetail(t, { health: 'at_risk', attachmentIds: ['x'], itemId: 'abc' })).toBe('存在风险');
    expect(activityDetail(t, { title: '联合宣讲', from: null, to: '2026-12-01' })).toBe('联合宣讲 · — → 2026-12-01');
  });
});
