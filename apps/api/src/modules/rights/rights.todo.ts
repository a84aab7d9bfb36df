import type { TodoItemDto } from '@uc/contracts';
import { rowsOf } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { TodoScope, TodoSource } from '../home/index.ts';

// Referrals waiting for us: one sent to us to accept, and any referral of ours (either side)
// whose running clock the SLA pass has flagged (warning or breach) — a flag counts only while its
// clock still runs in the referral's current status.

type Row = { id: string; dispute_kind: string; status: string; level: 'warning' | 'breach' | null; clock: string | null; at: Date | string };

/** which clock runs in which status (decision 0013) */
const CLOCK_RUNS_SQL = sql`(al.clock = 'accept' and r.status = 'submitted')
  or (al.clock in ('respond', 'resolve') and r.status in ('accepted', 'in_progress'))
  or (al.clock = 'follow_up' and r.status = 'resolved')`;

export const referralTodoSql = (ctx: ServiceCtx, s: TodoScope) => sql`
  select r.id, r.dispute_kind, r.status, r.updated_at as at, flag.level, flag.clock
  from rights_referral r
  left join lateral (
    select al.level, al.clock from rights_sla_alert al
    where al.tenant_id = r.tenant_id and al.referral_id = r.id and (${CLOCK_RUNS_SQL})
    order by (al.level = 'breach') desc limit 1) flag on true
  where (r.tenant_id = ${ctx.tenantId} or r.performer_tenant_id = ${ctx.tenantId})
    and ((r.performer_tenant_id = ${ctx.tenantId} and r.status = 'submitted') or flag.level is not null)
  order by (flag.level = 'breach') desc nulls last, r.updated_at desc, r.id limit ${s.limit + 1}`;

export const referralTodo: TodoSource = {
  key: 'rights.referral',
  access: 'referral.accept',
  async load(ctx, s): Promise<TodoItemDto[]> {
    return rowsOf<Row>(await ctx.db.execute(referralTodoSql(ctx, s))).map((r) => {
      const toAccept = r.status === 'submitted' && !r.level;
      const kind = toAccept ? 'rights.accept' : 'rights.clock';
      return {
        key: `${kind}:${r.id}`,
        module: 'rights',
        kind,
        params: { dispute: r.dispute_kind, clock: r.clock ?? '', level: r.level ?? '' },
        link: { to: '/t/$tenant/rights/$referralId', params: { referralId: r.id } },
        urgency: r.level === 'breach' ? 'overdue' : r.level === 'warning' || r.status === 'submitted' ? 'soon' : 'normal',
        due: null,
        at: new Date(r.at).toISOString(),
      };
    });
  },
};
