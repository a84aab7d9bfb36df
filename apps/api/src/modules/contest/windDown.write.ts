import { contestApplications, contestEvents, contests } from '@uc/db';
import { and, asc, eq } from 'drizzle-orm';
import type { WindDownStep } from '../agreement/index.ts';
import { refuseForEndedAgreement } from './application.write.ts';

// Contests' part of an ended agreement's wind-down (docs/decisions/0038), in the members' home
// federation: applications still waiting for its decision under a contest of the agreement are
// refused with the reason, and each member is told. Entries already made stand — the organiser
// decides whether the contest goes on.

export const contestWindDown: WindDownStep = {
  name: 'applications',
  label: { zh: '退回待审核的竞赛报名 {n} 个', en: '{n} contest applications awaiting review returned' },
  async run(ctx, a) {
    const waiting = await ctx.db
      .select({ id: contestApplications.id, contest: contests.title, trade: contestEvents.trade, hostTenantId: contestApplications.hostTenantId })
      .from(contestApplications)
      .innerJoin(contests, and(eq(contests.tenantId, contestApplications.hostTenantId), eq(contests.id, contestApplications.contestId)))
      .innerJoin(contestEvents, and(eq(contestEvents.tenantId, contestApplications.hostTenantId), eq(contestEvents.id, contestApplications.eventId)))
      .where(
        and(
          eq(contestApplications.tenantId, ctx.tenantId),
          eq(contestApplications.status, 'applied'),
          eq(contests.agreementTenantId, a.agreementTenantId),
          eq(contests.agreementId, a.agreementId),
        ),
      )
      .orderBy(asc(contestApplications.id));
    let n = 0;
    for (const w of waiting) if (await refuseForEndedAgreement(ctx, w)) n++;
    return n;
  },
};
