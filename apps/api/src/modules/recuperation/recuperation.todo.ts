import type { TodoItemDto } from '@uc/contracts';
import { rowsOf } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { urgencyOf, type TodoScope, type TodoSource } from '../home/index.ts';

// Bookings waiting for us: a member's request our office (the home) approves, and a booking the
// home approved that our office (the host) confirms. One statement; urgency from the batch start.

type Row = { id: string; step: 'approve' | 'confirm'; member_name: string; batch_start: string; at: Date | string };

export const bookingTodoSql = (ctx: ServiceCtx, s: TodoScope) => sql`
  select b.id, case when b.status = 'requested' then 'approve' else 'confirm' end as step,
    b.member_name, b.batch_start::text, coalesce(b.approved_at, b.requested_at) as at
  from recuperation_booking b
  where (b.tenant_id = ${ctx.tenantId} and b.status = 'requested')
     or (b.host_tenant_id = ${ctx.tenantId} and b.status = 'approved')
  order by b.batch_start, b.id limit ${s.limit + 1}`;

export const bookingTodo: TodoSource = {
  key: 'recuperation.booking',
  access: 'recuperation.booking.approve',
  async load(ctx, s): Promise<TodoItemDto[]> {
    return rowsOf<Row>(await ctx.db.execute(bookingTodoSql(ctx, s))).map((r) => ({
      key: `recuperation.${r.step}:${r.id}`,
      module: 'recuperation',
      kind: `recuperation.${r.step}`,
      params: { member: r.member_name, start: r.batch_start },
      link: { to: '/t/$tenant/recuperation-admin/requests', params: {} },
      urgency: urgencyOf(r.batch_start, s.today, s.soon),
      due: r.batch_start,
      at: new Date(r.at).toISOString(),
    }));
  },
};
