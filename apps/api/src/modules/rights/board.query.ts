import type { ReferralStatus } from '@uc/contracts';
import { chinaDate } from '../../lib/dates.ts';
import { clocksOfVisible } from './referral.query.ts';
import { findFederations, listVisibleReferrals } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';

// The federation's cross-city case board (the supervisor's view): open referrals by state and
// partner, clocks near breach, breaches, and outcomes with amounts recovered per partner and year.

export async function board(ctx: Ctx) {
  const all = await listVisibleReferrals(ctx, 'all');
  const feds = await findFederations(ctx.db, all.flatMap((r) => [r.tenantId, r.performerTenantId]));
  const partnerOf = (r: (typeof all)[number]) => (r.tenantId === ctx.tenantId ? r.performerTenantId : r.tenantId);
  const open = new Map<string, { status: ReferralStatus; partner: string; side: 'referred' | 'received'; count: number }>();
  const outcomes = new Map<string, { partner: string; year: number; resolved: number; amountRecoveredFen: number }>();
  for (const r of all) {
    const side = r.tenantId === ctx.tenantId ? 'referred' : 'received';
    if (['resolved', 'followed_up', 'archived'].includes(r.status) && r.outcome) {
      const year = Number(chinaDate(r.updatedAt).slice(0, 4));
      const key = `${partnerOf(r)}:${year}`;
      const o = outcomes.get(key) ?? { partner: partnerOf(r), year, resolved: 0, amountRecoveredFen: 0 };
      o.resolved++;
      o.amountRecoveredFen += r.amountRecoveredFen ?? 0;
      outcomes.set(key, o);
    }
    if (['followed_up', 'archived'].includes(r.status)) continue;
    const key = `${r.status}:${partnerOf(r)}:${side}`;
    const o = open.get(key) ?? { status: r.status as ReferralStatus, partner: partnerOf(r), side, count: 0 };
    o.count++;
    open.set(key, o);
  }
  const visible = await clocksOfVisible(ctx);
  const clocks = visible.flatMap((x) => x.clocks.map((c) => ({ referralId: x.referral.id, ...c })));
  const hourClocks = visible.flatMap((x) => x.hourClocks.map((c) => ({ referralId: x.referral.id, ...c })));
  return {
    open: [...open.values()].map((o) => ({ ...o, partner: feds.get(o.partner)! })),
    nearBreach: clocks.filter((c) => c.warning).map((c) => ({ referralId: c.referralId, clock: c.kind, remainingDays: c.remainingDays })),
    breaches: clocks.filter((c) => c.breached).map((c) => ({ referralId: c.referralId, clock: c.kind, elapsedDays: c.elapsedDays, budgetDays: c.budgetDays })),
    hourNearBreach: hourClocks.filter((c) => c.warning).map((c) => ({ referralId: c.referralId, clock: c.kind, remainingMinutes: c.remainingMinutes })),
    hourBreaches: hourClocks.filter((c) => c.breached).map((c) => ({ referralId: c.referralId, clock: c.kind, elapsedMinutes: c.elapsedMinutes, budgetMinutes: c.budgetMinutes })),
    outcomes: [...outcomes.values()].map((o) => ({ ...o, partner: feds.get(o.partner)! })).sort((a, b) => b.year - a.year),
  };
}
