import type { ServiceCtx } from '../../service.ts';
import { attention, direction, figure, inYear, UNITS, type CooperationProvider, type CooperationScope } from '../cooperation/index.ts';
import { listReferrals } from './referral.query.ts';

// 权益共同维护 in the cooperation overview and report: the year's referrals under the agreement
// each way, resolved, amount recovered, clocks near breach — from the referral list page
// (listReferrals). Counts only: no case details leave the rights module.

const RESOLVED = ['resolved', 'followed_up', 'archived'];

export const rightsCooperation: CooperationProvider = {
  commons: 'rights',
  order: 500,
  async load(ctx: ServiceCtx, s: CooperationScope) {
    const all = (await listReferrals(ctx, { side: 'all' })).filter((r) => r.agreementId === s.agreement.id);
    const year = all.filter((r) => inYear(r.createdAt, s.year));
    if (!year.length && !all.length) return null;
    const party = (slug: string) => s.parties.find((p) => p.slug === slug);
    const resolved = year.filter((r) => RESOLVED.includes(r.status));
    const recoveredFen = resolved.reduce((n, r) => n + (r.amountRecoveredFen ?? 0), 0);
    const ways = s.parties.flatMap((from) => s.parties.filter((to) => to.slug !== from.slug).map((to) => [from, to] as const));
    const near = all.filter((r) => r.clocks.some((c) => c.warning && !c.breached));
    return {
      commons: 'rights' as const,
      title: { zh: '权益共同维护', en: 'Rights referrals' },
      figures: [
        figure('referrals', '异地转办', 'Referrals', year.length, UNITS.case),
        figure('resolved', '已办结', 'Resolved', resolved.length, UNITS.case),
        figure('recovered', '追回金额', 'Recovered', Math.round(recoveredFen / 100), UNITS.yuan),
        figure('breached', '超时', 'Deadlines missed', year.filter((r) => r.clocks.some((c) => c.breached)).length, UNITS.case),
      ],
      directions: ways.map(([from, to]) => direction('referrals', from, to, { zh: '转办案件', en: 'referrals' }, null, year.filter((r) => party(r.referrer.slug) === from && party(r.performer.slug) === to).length)),
      highlights: resolved.length ? [`异地转办案件办结${resolved.length}件，追回金额${Math.round(recoveredFen / 100)}元`] : [],
      attention: near.map((r) => attention(`clock:${r.id}`, r.referrer.nameZh, `转办案件时限将届满（${r.referrer.nameZh} → ${r.performer.nameZh}）`, `A referral's clock is near breach`, `/t/{slug}/rights/${r.id}`)),
    };
  },
};
