import type { TodoItemDto } from '@uc/contracts';
import { rowsOf } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { urgencyOf, type TodoScope, type TodoSource } from '../home/index.ts';

// Milestones waiting for our confirmation: open, our side has not confirmed in the current round,
// and either the other side already has or the due date is near (within the "soon" window) or past.

type Row = { id: string; title: string; due_date: string; item_id: string; item_title: string; other_confirmed: boolean; at: Date | string };

export const toConfirmSql = (ctx: ServiceCtx, s: TodoScope) => sql`
  select m.id, m.title, m.due_date::text, m.item_id, i.title as item_title, m.updated_at as at,
    exists (select 1 from joint_milestone_confirmation c where c.tenant_id = m.tenant_id and c.milestone_id = m.id and c.round = m.round and c.party_tenant_id <> ${ctx.tenantId}) as other_confirmed
  from agreement_party p
  join agreement a on a.tenant_id = p.agreement_tenant_id and a.id = p.agreement_id and a.status = 'active'
  join joint_milestone m on m.tenant_id = a.tenant_id and m.agreement_id = a.id and m.status = 'open'
  join joint_item i on i.tenant_id = m.tenant_id and i.id = m.item_id
  where p.tenant_id = ${ctx.tenantId}
    and not exists (select 1 from joint_milestone_confirmation c where c.tenant_id = m.tenant_id and c.milestone_id = m.id and c.round = m.round and c.party_tenant_id = ${ctx.tenantId})
    and (m.due_date <= ${s.soon}::date or exists (select 1 from joint_milestone_confirmation c where c.tenant_id = m.tenant_id and c.milestone_id = m.id and c.round = m.round and c.party_tenant_id <> ${ctx.tenantId}))
  order by m.due_date, m.id limit ${s.limit + 1}`;

export const milestoneTodo: TodoSource = {
  key: 'items.confirmMilestone',
  access: 'jointItem.milestone.confirm',
  async load(ctx, s): Promise<TodoItemDto[]> {
    return rowsOf<Row>(await ctx.db.execute(toConfirmSql(ctx, s))).map((r) => ({
      key: `items.confirmMilestone:${r.id}`,
      module: 'items',
      kind: r.other_confirmed ? 'items.confirmMilestonePartner' : 'items.confirmMilestone',
      params: { title: r.title, item: r.item_title },
      link: { to: '/t/$tenant/items/$itemId', params: { itemId: r.item_id } },
      urgency: urgencyOf(r.due_date, s.today, s.soon),
      due: r.due_date,
      at: new Date(r.at).toISOString(),
    }));
  },
};
