import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/i18n.ts';
import { attentionReasons, byAttention, daysBetween, type AttentionFacts } from './attention.ts';

const TODAY = '2026-11-21';
const item = (title: string, facts: Partial<AttentionFacts> = {}) => ({
  title,
  status: 'in_progress' as const,
  health: 'on_track' as const,
  overdueMilestones: 0,
  awaitingMyConfirmation: 0,
  nextDueDate: '2027-03-01' as string | null,
  ...facts,
});

describe('sorting a lead’s items by what needs attention', () => {
  it('counts calendar days across month and year ends', () => {
    expect(daysBetween('2026-11-21', '2026-11-21')).toBe(0);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-11-21', '2026-11-07')).toBe(-14);
  });

  it('puts overdue work above an off-track item, which is above one that is only at risk', () => {
    const sorted = byAttention(
      [item('at risk', { health: 'at_risk' }), item('calm'), item('off track', { health: 'off_track', status: 'delayed' }), item('overdue', { overdueMilestones: 1, nextDueDate: '2026-11-20' })],
      TODAY,
    );
    expect(sorted.map((i) => i.title)).toEqual(['overdue', 'off track', 'at risk', 'calm']);
  });

  it('ranks one strong reason over many weak ones', () => {
    const weak = item('weak', { status: 'delayed', awaitingMyConfirmation: 3, nextDueDate: '2026-11-25' });
    const strong = item('strong', { health: 'at_risk' });
    expect(byAttention([weak, strong], TODAY).map((i) => i.title)).toEqual(['strong', 'weak']);
  });

  it('puts what waits on my side’s confirmation above what only falls due soon, and labels it 待我方确认', () => {
    const sorted = byAttention([item('due soon', { nextDueDate: '2026-11-25' }), item('calm'), item('mine to confirm', { awaitingMyConfirmation: 1, nextDueDate: '2027-02-01' })], TODAY);
    expect(sorted.map((i) => i.title)).toEqual(['mine to confirm', 'due soon', 'calm']);
    expect(attentionReasons(sorted[0]!, TODAY)).toEqual(['awaitingMe']);
    expect(translate('zh-CN', `items.attention.${attentionReasons(sorted[0]!, TODAY)[0]!}`)).toBe('待我方确认');
  });

  it('within a tier, the longest overdue comes first, then the soonest due', () => {
    const sorted = byAttention(
      [
        item('late since Nov', { overdueMilestones: 1, nextDueDate: '2026-11-10' }),
        item('late since Oct', { overdueMilestones: 1, nextDueDate: '2026-10-01' }),
        item('due in spring', { nextDueDate: '2027-04-01' }),
        item('due in winter', { nextDueDate: '2027-01-10' }),
      ],
      TODAY,
    );
    expect(sorted.map((i) => i.title)).toEqual(['late since Oct', 'late since Nov', 'due in winter', 'due in spring']);
  });

  it('sinks finished and cancelled items whatever their history', () => {
    const sorted = byAttention([item('done', { status: 'done', health: 'off_track' }), item('cancelled', { status: 'cancelled', overdueMilestones: 2 }), item('open')], TODAY);
    expect(sorted.map((i) => i.title)).toEqual(['open', 'cancelled', 'done']);
  });

  it('says why, strongest reason first, and "due soon" only within two weeks', () => {
    expect(attentionReasons(item('x', { overdueMilestones: 1, health: 'at_risk', awaitingMyConfirmation: 1 }), TODAY)).toEqual(['overdue', 'atRisk', 'awaitingMe']);
    expect(attentionReasons(item('x', { nextDueDate: '2026-12-05' }), TODAY)).toEqual(['dueSoon']);
    expect(attentionReasons(item('x', { nextDueDate: '2026-12-06' }), TODAY)).toEqual([]);
    expect(attentionReasons(item('x', { status: 'done', overdueMilestones: 1 }), TODAY)).toEqual([]);
  });
});
