import { describe, expect, it } from 'vitest';
import { translate, type UiKey } from '../lib/i18n.ts';
import { auditSummary, auditTypeLabel } from './auditText.ts';

const t = (key: UiKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('audit events in words', () => {
  it('names known types and shows unknown ones as recorded', () => {
    expect(auditTypeLabel(t, 'member.imported')).toBe('批量导入会员');
    expect(auditTypeLabel(t, 'contest.scored')).toBe('contest.scored');
  });

  it('summarises the data with role names and a from → to change, leaving out ids', () => {
    expect(auditSummary(t, { email: 'a@hz.cn', from: ['officer'], to: ['admin', 'officer'] })).toBe('a@hz.cn · 工作人员 → 管理员、工作人员');
    expect(auditSummary(t, { name: '上城区总工会', parentId: 'x' })).toBe('上城区总工会');
    expect(auditSummary(t, { step: 'openNegotiation', from: 'draft', to: 'negotiating' })).toBe('草稿 → 协商中');
    expect(auditSummary(t, { kind: 'contest', lead: 'hangzhou', title: '职工技能竞赛', count: 3 })).toBe('职工技能竞赛 · 3');
  });
});
