import { rowsOf } from '@uc/db';
import { sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { attention, direction, figure, UNITS, type CooperationProvider, type CooperationScope } from '../cooperation/index.ts';
import { placesPanel } from './quota.query.ts';

type Pending = { batch_id: string; code: string; batch_start: string; requested: number; approved: number; home_tenant_id: string; host_tenant_id: string };

/**
 * Bookings under the agreement's places not yet confirmed, per batch still to come: requests the
 * home federation has not approved, approvals the host has not confirmed. Each party reads them
 * (it is the home or the host of every such booking).
 */
async function unconfirmedByBatch(ctx: ServiceCtx, agreementId: string, today: string): Promise<Pending[]> {
  return rowsOf<Pending>(
    await ctx.db.execute(sql`
      select b.batch_id, bt.code, b.batch_start::text, b.tenant_id as home_tenant_id, b.host_tenant_id,
        (count(*) filter (where b.status = 'requested'))::int as requested,
        (count(*) filter (where b.status = 'approved'))::int as approved
      from recuperation_booking b
      join place_quota q on q.tenant_id = b.tenant_id and q.id = b.quota_id
      join recuperation_batch bt on bt.tenant_id = b.host_tenant_id and bt.id = b.batch_id
      where q.agreement_id = ${agreementId} and b.status in ('requested', 'approved') and b.batch_start >= ${today}::date
      group by b.batch_id, bt.code, b.batch_start, b.tenant_id, b.host_tenant_id
      order by b.batch_start, bt.code`),
  );
}

// 疗休养 in the cooperation overview and report: places each host granted the other party this year
// and how many were used — the agreement's places panel (placesPanel), the figures its page shows.

export const recuperationCooperation: CooperationProvider = {
  commons: 'recuperation',
  order: 200,
  async load(ctx: ServiceCtx, s: CooperationScope) {
    const { flows } = await placesPanel(ctx, s.agreement.id, s.year);
    if (!flows.length) return null;
    const party = (slug: string) => s.parties.find((p) => p.slug === slug)!;
    const sum = (f: (x: (typeof flows)[number]) => number) => flows.reduce((n, x) => n + f(x), 0);
    return {
      commons: 'recuperation' as const,
      title: { zh: '疗休养互享', en: 'Recuperation' },
      figures: [
        figure('granted', '互享名额', 'Places granted', sum((x) => x.granted), UNITS.place),
        figure('used', '已使用', 'Places used', sum((x) => x.used), UNITS.place),
        figure('released', '已退回', 'Places released', sum((x) => x.released), UNITS.place),
      ],
      directions: flows.map((x) => direction('places', party(x.hostSlug), party(x.receiverSlug), { zh: '疗休养名额', en: 'recuperation places' }, x.granted, x.used)),
      highlights: flows.filter((x) => x.used > 0).map((x) => `${x.receiverNameZh}职工赴${x.hostNameZh}疗休养${x.used}人`),
      attention: (await unconfirmedByBatch(ctx, s.agreement.id, s.today)).flatMap((p) => {
        const home = s.parties.find((x) => x.tenantId === p.home_tenant_id);
        const host = s.parties.find((x) => x.tenantId === p.host_tenant_id);
        const link = `/t/{slug}/recuperation-admin/requests`;
        return [
          ...(p.requested ? [attention(`booking.requested:${p.batch_id}:${p.home_tenant_id}`, p.code, `批次${p.code}（${p.batch_start}出发）有${p.requested}个预订待${home?.nameZh ?? ''}审核`, `${p.requested} booking(s) for batch ${p.code} (starting ${p.batch_start}) await approval by ${home?.nameEn ?? ''}`, link)] : []),
          ...(p.approved ? [attention(`booking.approved:${p.batch_id}:${p.home_tenant_id}`, p.code, `批次${p.code}（${p.batch_start}出发）有${p.approved}个预订待${host?.nameZh ?? ''}确认接待`, `${p.approved} booking(s) for batch ${p.code} (starting ${p.batch_start}) await confirmation by ${host?.nameEn ?? ''}`, link)] : []),
        ];
      }),
    };
  },
};
