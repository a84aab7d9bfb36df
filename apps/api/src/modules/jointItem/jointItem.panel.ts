import { HEALTHS, JOINT_ITEM_STATUSES, JOINT_KINDS, type DashboardPanelDto } from '@uc/contracts';
import { rowsOf } from '@uc/db';
import { sql } from 'drizzle-orm';
import { addDays } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import type { DashboardPanelProvider, DashboardScopeCtx } from '../dashboard/index.ts';
import { HEALTH_LABELS, KIND_LABELS, STATUS_LABELS } from './jointItem.labels.ts';

// The joint items' own panels: items by kind × status, overdue milestones, health over time.
// Each is one SQL statement over the scope's agreements (exported for the benchmark and the
// EXPLAIN test, which run exactly these statements).

export const kindStatusSql = (s: DashboardScopeCtx) => sql`
  with scope as (${s.scopeSql})
  select i.kind, i.status, count(*)::int as n
  from scope join joint_item i on i.tenant_id = scope.tenant_id and i.agreement_id = scope.agreement_id
  group by i.kind, i.status`;

export const overdueSql = (s: DashboardScopeCtx, limit: number) => sql`
  with scope as (${s.scopeSql}),
  late as (
    select m.id, m.title, m.due_date, m.item_id, m.agreement_id, i.title as item_title
    from scope
    join joint_milestone m on m.tenant_id = scope.tenant_id and m.agreement_id = scope.agreement_id and m.status = 'open' and m.due_date < ${s.today}
    join joint_item i on i.tenant_id = m.tenant_id and i.id = m.item_id)
  select late.*, (select count(*)::int from late) as total from late order by due_date, id limit ${limit}`;

/** per week (Monday, China time), items counted by the health of their last update that week */
export const healthTrendSql = (s: DashboardScopeCtx, since: string) => sql`
  with scope as (${s.scopeSql}),
  weekly as (
    select distinct on (u.item_id, wk) u.item_id, u.health,
      date_trunc('week', u.created_at at time zone 'Asia/Shanghai')::date as wk
    from scope
    join joint_item_update u on u.tenant_id = scope.tenant_id and u.agreement_id = scope.agreement_id
      and u.created_at >= (${since}::date::timestamp at time zone 'Asia/Shanghai')
    order by u.item_id, wk, u.created_at desc)
  select to_char(wk, 'YYYY-MM-DD') as week, health, count(*)::int as n from weekly group by wk, health`;

const kindStatus: DashboardPanelProvider = {
  key: 'items.kind_status',
  module: 'items',
  order: 100,
  scopes: ['federation', 'agreement'],
  async load(ctx: ServiceCtx, s): Promise<DashboardPanelDto> {
    const rows = rowsOf<{ kind: string; status: string; n: number }>(await ctx.db.execute(kindStatusSql(s)));
    return {
      key: this.key,
      module: this.module,
      title: { zh: '共建项目（类别 × 状态）', en: 'Joint items by kind and status' },
      view: {
        type: 'matrix',
        rows: JOINT_KINDS.map((k) => ({ key: k, label: KIND_LABELS[k] })),
        columns: JOINT_ITEM_STATUSES.map((st) => ({ key: st, label: STATUS_LABELS[st] })),
        values: JOINT_KINDS.map((k) => JOINT_ITEM_STATUSES.map((st) => rows.find((r) => r.kind === k && r.status === st)?.n ?? 0)),
      },
    };
  },
};

const overdue: DashboardPanelProvider = {
  key: 'items.overdue_milestones',
  module: 'items',
  order: 110,
  scopes: ['federation', 'agreement'],
  async load(ctx, s): Promise<DashboardPanelDto> {
    const rows = rowsOf<{ id: string; title: string; due_date: string; item_id: string; item_title: string; total: number }>(await ctx.db.execute(overdueSql(s, 20)));
    const late = (due: string) => Math.round((Date.parse(s.today) - Date.parse(due)) / 86_400_000);
    return {
      key: this.key,
      module: this.module,
      title: { zh: '逾期时间节点', en: 'Overdue milestones' },
      view: {
        type: 'list',
        total: rows[0]?.total ?? 0,
        rows: rows.map((r) => ({ id: r.id, title: r.title, subtitle: r.item_title, date: String(r.due_date).slice(0, 10), value: late(String(r.due_date).slice(0, 10)), link: `/t/{slug}/items/${r.item_id}` })),
      },
    };
  },
};

const healthTrend: DashboardPanelProvider = {
  key: 'items.health_trend',
  module: 'items',
  order: 120,
  scopes: ['federation', 'agreement'],
  async load(ctx, s): Promise<DashboardPanelDto> {
    const firstWeek = mondayOf(addDays(s.today, -7 * (s.weeks - 1)));
    const rows = rowsOf<{ week: string; health: string; n: number }>(await ctx.db.execute(healthTrendSql(s, firstWeek)));
    const x = Array.from({ length: s.weeks }, (_, k) => addDays(firstWeek, 7 * k));
    return {
      key: this.key,
      module: this.module,
      title: { zh: '项目健康度趋势（按周）', en: 'Item health by week' },
      view: {
        type: 'series',
        x,
        series: HEALTHS.map((h) => ({ key: h, label: HEALTH_LABELS[h], values: x.map((w) => rows.find((r) => r.week === w && r.health === h)?.n ?? 0) })),
      },
    };
  },
};

/** the Monday of the week of a calendar date */
export function mondayOf(date: string): string {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((dow + 6) % 7));
}

export const itemPanels: DashboardPanelProvider[] = [kindStatus, overdue, healthTrend];
