import type { ServiceLevelsDto } from '@uc/contracts';
import { chinaDate } from '../../lib/dates.ts';
import { findServiceLevels } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';
import { DEFAULT_BUSINESS_HOURS } from './businessHours.rules.ts';
import { DEFAULT_HOUR_SLA, DEFAULT_SLA } from './sla.rules.ts';
import { yearKnown } from './workday.rules.ts';

// A federation's service levels (DOMAIN §3.2; docs/decisions/0049-rights-service-levels.md): the
// budgets of its clocks from a date and the days its rights department is closed. Clocks are
// derived from these every time, so what already counted must not change under them: a policy
// takes effect from tomorrow at the earliest (a running clock keeps the budget it started with)
// and only a scheduled one may be replaced or removed; a closure day is today or later, and only
// a future one may be taken back. Caseworkers read them; the admin sets them.

export async function serviceLevels(ctx: Ctx): Promise<ServiceLevelsDto> {
  const today = chinaDate(ctx.now);
  const { policies, closures, national } = await findServiceLevels(ctx.db, [ctx.tenantId]);
  const entered = new Map(national.map((d) => [d.day, d.work]));
  const thisYear = Number(today.slice(0, 4));
  // newest first: the first one not after today is in force, older ones are superseded
  const inForce = policies.find((p) => p.effectiveFrom <= today);
  return {
    today,
    defaults: {
      acceptDays: DEFAULT_SLA.accept,
      respondDays: DEFAULT_SLA.respond,
      resolveDays: DEFAULT_SLA.resolve,
      followUpDays: DEFAULT_SLA.follow_up,
      businessHours: [...DEFAULT_BUSINESS_HOURS],
      dispatchMinutes: DEFAULT_HOUR_SLA.dispatch,
      firstResponseMinutes: DEFAULT_HOUR_SLA.first_response,
      hotlineFollowUpMinutes: DEFAULT_HOUR_SLA.hotline_follow_up,
    },
    policies: policies.map((p) => ({
      id: p.id,
      effectiveFrom: p.effectiveFrom,
      acceptDays: p.acceptDays,
      respondDays: p.respondDays,
      resolveDays: p.resolveDays,
      followUpDays: p.followUpDays,
      businessHours: p.businessHours,
      dispatchMinutes: p.dispatchMinutes,
      firstResponseMinutes: p.firstResponseMinutes,
      hotlineFollowUpMinutes: p.hotlineFollowUpMinutes,
      state: p.effectiveFrom > today ? 'scheduled' : p === inForce ? 'in_force' : 'superseded',
    })),
    closures: closures.map((c) => ({ day: c.day, reason: c.reason, removable: c.day > today })),
    unknownYears: [thisYear, thisYear + 1].filter((y) => !yearKnown(y, entered)),
    canManage: ctx.actor.roles.includes('admin'),
  };
}

