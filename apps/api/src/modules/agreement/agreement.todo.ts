import type { TodoItemDto } from '@uc/contracts';
import { rowsOf } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { TodoScope, TodoSource } from '../home/index.ts';

// The agreement's to-dos: a version waiting for our signature, and a draft the other party
// changed last (our turn to comment or accept). One statement each, over our party rows.

type Row = { id: string; title: string; term_start: string; at: Date | string };

const iso = (d: Date | string) => new Date(d).toISOString();

/** agreements in signing whose current version our federation has not decided on yet */
export const toSignSql = (ctx: ServiceCtx, s: TodoScope) => sql`
  select a.id, a.title, a.term_start::text, v.frozen_at as at
  from agreement_party p
  join agreement a on a.tenant_id = p.agreement_tenant_id and a.id = p.agreement_id and a.status = 'signing'
  join agreement_version v on v.tenant_id = a.tenant_id and v.id = a.current_version_id
  where p.tenant_id = ${ctx.tenantId}
    and not exists (select 1 from agreement_signature g where g.tenant_id = a.tenant_id and g.version_id = v.id and g.party_tenant_id = ${ctx.tenantId})
  order by v.frozen_at desc nulls last, a.id limit ${s.limit + 1}`;

/** drafts in negotiation whose current version the other party wrote */
export const toReviewSql = (ctx: ServiceCtx, s: TodoScope) => sql`
  select a.id, a.title, a.term_start::text, v.created_at as at
  from agreement_party p
  join agreement a on a.tenant_id = p.agreement_tenant_id and a.id = p.agreement_id and a.status = 'negotiating'
  join agreement_version v on v.tenant_id = a.tenant_id and v.id = a.current_version_id
  where p.tenant_id = ${ctx.tenantId} and v.created_by_tenant_id <> ${ctx.tenantId}
  order by v.created_at desc, a.id limit ${s.limit + 1}`;

const item = (kind: 'agreement.sign' | 'agreement.review', r: Row, to: string, urgency: TodoItemDto['urgency']): TodoItemDto => ({
  key: `${kind}:${r.id}`,
  module: 'agreement',
  kind,
  params: { title: r.title },
  link: { to, params: { agreementId: r.id } },
  urgency,
  due: null,
  at: iso(r.at ?? 0),
});

export const agreementTodos: TodoSource[] = [
  {
    key: 'agreement.sign',
    access: 'agreement.sign',
    async load(ctx, s) {
      // waiting for a signature holds the whole agreement up: always "soon"
      return rowsOf<Row>(await ctx.db.execute(toSignSql(ctx, s))).map((r) => item('agreement.sign', r, '/t/$tenant/agreements/$agreementId/signing', 'soon'));
    },
  },
  {
    key: 'agreement.review',
    access: 'agreement.save',
    async load(ctx, s) {
      return rowsOf<Row>(await ctx.db.execute(toReviewSql(ctx, s))).map((r) => item('agreement.review', r, '/t/$tenant/agreements/$agreementId', 'normal'));
    },
  },
];
