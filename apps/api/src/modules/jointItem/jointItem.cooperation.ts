import type { ServiceCtx } from '../../service.ts';
import { attention, figure, inYear, UNITS, type CooperationProvider, type CooperationScope } from '../cooperation/index.ts';
import { agreementTimeline } from './board.query.ts';

// 共建项目 in the cooperation overview and report: items by status, the year's milestones (due, done,
// overdue) — from the agreement's timeline page (agreementTimeline), the figures it shows.

export const itemsCooperation: CooperationProvider = {
  commons: 'items',
  order: 100,
  async load(ctx: ServiceCtx, s: CooperationScope) {
    const t = await agreementTimeline(ctx, s.agreement.id);
    if (!t.items.length) return null;
    const milestones = t.items.flatMap((i) => i.milestones.map((m) => ({ ...m, itemId: i.id, itemTitle: i.title }))).filter((m) => inYear(m.dueDate, s.year));
    const count = (status: string) => t.items.filter((i) => i.status === status).length;
    const overdue = milestones.filter((m) => m.overdue);
    return {
      commons: 'items' as const,
      title: { zh: '共建项目', en: 'Joint items' },
      figures: [
        figure('items', '项目总数', 'Items', t.items.length, UNITS.item),
        figure('done', '已完成', 'Done', count('done'), UNITS.item),
        figure('in_progress', '推进中', 'In progress', count('in_progress'), UNITS.item),
        figure('delayed', '滞后', 'Delayed', count('delayed'), UNITS.item),
        figure('milestones', `${s.year}年时间节点`, `Milestones due in ${s.year}`, milestones.length, UNITS.item),
        figure('milestones_done', '节点已完成', 'Milestones done', milestones.filter((m) => m.status === 'done').length, UNITS.item),
        figure('milestones_overdue', '节点逾期', 'Milestones overdue', overdue.length, UNITS.item),
      ],
      directions: [],
      highlights: t.items.filter((i) => i.status === 'done').map((i) => `完成“${i.title}”`),
      attention: overdue.map((m) => attention(`milestone:${m.id}`, m.title, `“${m.itemTitle}”节点逾期（应于${m.dueDate}完成）`, `Milestone of “${m.itemTitle}” overdue (due ${m.dueDate})`, `/t/{slug}/items/${m.itemId}`)),
    };
  },
};
