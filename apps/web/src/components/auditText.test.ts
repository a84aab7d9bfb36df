import { readFileSync } from 'node:fs';
import { uiEn } from '@uc/contracts/i18n';
import { describe, expect, it } from 'vitest';
import { isUiKey, translate, type UiKey } from '../lib/i18n.ts';
import { auditEntityLabel, auditSummary, auditTypeLabel } from './auditText.ts';

const t = (key: UiKey, vars?: Record<string, string | number>) => translate('zh-CN', key, vars);

describe('audit events in words', () => {
  it('names known types and shows unknown ones as recorded', () => {
    expect(auditTypeLabel(t, 'member.imported')).toBe('批量导入会员');
    expect(auditTypeLabel(t, 'programme.unknown_step')).toBe('programme.unknown_step');
  });

  it('summarises the data with role names and a from → to change, leaving out ids', () => {
    expect(auditSummary(t, { email: 'a@hz.cn', from: ['officer'], to: ['admin', 'officer'] })).toBe('a@hz.cn · 工作人员 → 管理员、工作人员');
    expect(auditSummary(t, { name: '上城区总工会', parentId: 'x' })).toBe('上城区总工会');
    expect(auditSummary(t, { step: 'openNegotiation', from: 'draft', to: 'negotiating' })).toBe('草稿 → 协商中');
    expect(auditSummary(t, { agreementId: 'x', from: 'not_started', to: 'in_progress', reason: '' })).toBe('未启动 → 推进中');
    expect(auditSummary(t, { step: 'approve', from: 'requested', to: 'approved' })).toBe(`待审核 → ${t('booking.state.approved')}`);
    expect(auditSummary(t, { kind: 'contest', lead: 'hangzhou', title: '职工技能竞赛', count: 3 })).toBe('职工技能竞赛 · 3 条');
  });

  it('says what a number or a yes/no means, and leaves hashes and MIME types to the technical record', () => {
    expect(auditSummary(t, { agreementId: 'x', itemId: 'y', party: 'hangzhou', round: 1, completed: true })).toBe('第 1 轮 · 各方均已确认，节点完成');
    expect(auditSummary(t, { agreementId: 'x', itemId: 'y', filename: '签到表.pdf', contentType: 'application/pdf', size: 623, sha256: '0c5a1d'.padEnd(64, '0') })).toBe(
      '签到表.pdf · 文件大小 623 B',
    );
    expect(auditSummary(t, { version: 2, contentHash: 'a'.repeat(64) })).toBe('第 2 版');
    // a number nobody put into words is left out rather than shown bare
    expect(auditSummary(t, { title: '宣讲', mystery: 7, flag: false })).toBe('宣讲');
    expect(auditSummary(t, { from: { name: '甲', title: '' }, to: { name: '乙', title: '主任' } })).toBe('');
  });

  // the API's typed union of every event it writes (apps/api audit.types.ts): each type and entity needs words in both languages
  it('has a label in Chinese and English for every event type and entity the API declares', () => {
    const source = readFileSync(new URL('../../../api/src/modules/audit/audit.types.ts', import.meta.url), 'utf8');
    const declared = [...source.matchAll(/\{ type: '([\w.]+)'; entityType: '(\w+)'/g)].map((m) => ({ type: m[1]!, entity: m[2]! }));
    // the union holds dozens of events: a pattern that stopped matching must not pass quietly
    expect(declared.length).toBeGreaterThan(50);
    const keys = [...new Set(declared.flatMap((d) => [`audit.type.${d.type}`, `audit.entity.${d.entity}`]))];
    const missing = keys.filter((k) => !isUiKey(k) || !(uiEn as Record<string, string>)[k]);
    expect(missing).toEqual([]);
    expect(auditTypeLabel(t, 'milestone.confirmed')).toBe('确认时间节点');
    expect(auditEntityLabel(t, 'recuperation_booking')).toBe('疗休养预订');
  });
});
