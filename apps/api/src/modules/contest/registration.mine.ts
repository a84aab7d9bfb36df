import type { MemberRowDto } from '@uc/contracts';
import { rowsOf } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { MemberSection } from '../home/index.ts';

// 我的: the member's contest entries (their home federation's registrations), the result once the
// host published it, and the certificate with its public verify link. One statement.

type Row = { id: string; status: string; contest_title: string; trade: string; event_date: string; published: boolean; number: string | null; award: string | null; rank: number | null; total: number };

export const MINE_SQL = (tenantId: string, memberId: string, limit: number) => sql`
  select r.id, r.status, c.title as contest_title, e.trade, e.event_date::text, e.published_at is not null as published,
    cert.number, cert.award, cert.rank, count(*) over ()::int as total
  from contest_registration r
  join contest_event e on e.tenant_id = r.host_tenant_id and e.id = r.pool_id
  join contest c on c.tenant_id = e.tenant_id and c.id = e.contest_id
  left join contest_certificate cert on cert.tenant_id = r.host_tenant_id and cert.entrant_id = r.id and cert.home_tenant_id = r.tenant_id
  where r.tenant_id = ${tenantId} and r.member_id = ${memberId} and r.status <> 'withdrawn'
  order by e.event_date desc, r.id limit ${limit}`;

export const contestSection: MemberSection = {
  key: 'contests',
  order: 300,
  async load(ctx, limit) {
    const found = rowsOf<Row>(await ctx.db.execute(MINE_SQL(ctx.tenantId, ctx.memberId, limit)));
    const rows: MemberRowDto[] = found.map((r) => ({
      id: r.id,
      kind: 'contestEntry',
      title: r.contest_title,
      params: { trade: r.trade, award: r.award ?? '', rank: r.rank ?? 0 },
      status: r.number ? 'certified' : r.published ? 'published' : r.status,
      date: r.event_date,
      link: null,
      qr: null,
      verify: r.number ? `/verify/certificate/${r.number}` : null,
    }));
    return { rows, total: found[0]?.total ?? 0 };
  },
};
