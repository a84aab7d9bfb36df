import type { TodoItemDto } from '@uc/contracts';
import { rowsOf } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { TodoScope, TodoSource } from '../home/index.ts';

// Appeals filed against an event we host, not yet decided (the host's organisers decide).

type Row = { id: string; contest_id: string; contest_title: string; trade: string; at: Date | string };

export const appealTodoSql = (ctx: ServiceCtx, s: TodoScope) => sql`
  select ap.id, e.contest_id, c.title as contest_title, e.trade, ap.filed_at as at
  from contest_appeal ap
  join contest_event e on e.tenant_id = ap.host_tenant_id and e.id = ap.event_id
  join contest c on c.tenant_id = e.tenant_id and c.id = e.contest_id
  where ap.host_tenant_id = ${ctx.tenantId} and ap.status = 'filed'
  order by ap.filed_at, ap.id limit ${s.limit + 1}`;

export const appealTodo: TodoSource = {
  key: 'contest.appeal',
  access: 'contest.appeal.decide',
  async load(ctx, s): Promise<TodoItemDto[]> {
    // an open appeal holds the results back: always "soon"
    return rowsOf<Row>(await ctx.db.execute(appealTodoSql(ctx, s))).map((r) => ({
      key: `contest.appeal:${r.id}`,
      module: 'contest',
      kind: 'contest.appeal',
      params: { contest: r.contest_title, trade: r.trade },
      link: { to: '/t/$tenant/contests/$contestId', params: { contestId: r.contest_id } },
      urgency: 'soon',
      due: null,
      at: new Date(r.at).toISOString(),
    }));
  },
};

// Members' own applications waiting for their home federation's decision (基层工会推荐 → 市总审核).

type ApplicationRow = { id: string; contest_id: string; contest_title: string; trade: string; closes: string; at: Date | string };

export const applicationTodoSql = (ctx: ServiceCtx, s: TodoScope) => sql`
  select a.id, e.contest_id, c.title as contest_title, e.trade, e.registration_closes::text as closes, a.created_at as at
  from contest_application a
  join contest_event e on e.tenant_id = a.host_tenant_id and e.id = a.event_id
  join contest c on c.tenant_id = e.tenant_id and c.id = e.contest_id
  where a.tenant_id = ${ctx.tenantId} and a.status = 'applied'
  order by e.registration_closes, a.created_at, a.id limit ${s.limit + 1}`;

export const applicationTodo: TodoSource = {
  key: 'contest.application',
  access: 'contest.application.decide',
  async load(ctx, s): Promise<TodoItemDto[]> {
    return rowsOf<ApplicationRow>(await ctx.db.execute(applicationTodoSql(ctx, s))).map((r) => ({
      key: `contest.application:${r.id}`,
      module: 'contest',
      kind: 'contest.application',
      params: { contest: r.contest_title, trade: r.trade },
      link: { to: '/t/$tenant/contests/$contestId', params: { contestId: r.contest_id } },
      urgency: 'soon',
      due: r.closes,
      at: new Date(r.at).toISOString(),
    }));
  },
};
