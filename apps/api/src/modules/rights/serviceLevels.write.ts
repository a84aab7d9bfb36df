import type { closureDayInput, slaPolicyInput } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n';
import { rightsClosureDays, rightsSlaPolicies } from '@uc/db';
import { and, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { addYears, chinaDate } from '../../lib/dates.ts';
import { recordAudit } from '../audit/index.ts';
import { findNationalDays } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';
import { isWorkingDay } from './workday.rules.ts';

// Setting the service levels (serviceLevels.query.ts says what they are): only what lies ahead of
// the clocks may change — see docs/decisions/0049-rights-service-levels.md.

const refuse = (ctx: Ctx, field: string, key: string) => new AppError('BAD_INPUT', { fields: { [field]: validationMessage(key, ctx.locale) } });

/** Sets the policy from a future date; one already scheduled for that date is replaced. */
export async function setPolicy(ctx: Ctx, input: z.infer<typeof slaPolicyInput>) {
  if (input.effectiveFrom <= chinaDate(ctx.now)) throw refuse(ctx, 'effectiveFrom', 'sla_not_future');
  const values = {
    acceptDays: input.acceptDays,
    respondDays: input.respondDays,
    resolveDays: input.resolveDays,
    followUpDays: input.followUpDays,
    businessHours: input.businessHours,
    dispatchMinutes: input.dispatchMinutes,
    firstResponseMinutes: input.firstResponseMinutes,
    hotlineFollowUpMinutes: input.hotlineFollowUpMinutes,
  };
  const [row] = await ctx.db
    .insert(rightsSlaPolicies)
    .values({ tenantId: ctx.tenantId, effectiveFrom: input.effectiveFrom, ...values })
    .onConflictDoUpdate({ target: [rightsSlaPolicies.tenantId, rightsSlaPolicies.effectiveFrom], set: values })
    .returning({ id: rightsSlaPolicies.id });
  await recordAudit(ctx, { type: 'rights.sla_policy_set', entityType: 'rights_sla_policy', entityId: row!.id, data: { effectiveFrom: input.effectiveFrom, ...values } });
  return { id: row!.id };
}

export async function removePolicy(ctx: Ctx, id: string) {
  const [gone] = await ctx.db
    .delete(rightsSlaPolicies)
    .where(and(eq(rightsSlaPolicies.tenantId, ctx.tenantId), eq(rightsSlaPolicies.id, id), gt(rightsSlaPolicies.effectiveFrom, chinaDate(ctx.now))))
    .returning({ effectiveFrom: rightsSlaPolicies.effectiveFrom });
  if (!gone) {
    const [exists] = await ctx.db.select({ id: rightsSlaPolicies.id }).from(rightsSlaPolicies).where(and(eq(rightsSlaPolicies.tenantId, ctx.tenantId), eq(rightsSlaPolicies.id, id)));
    throw exists ? refuse(ctx, 'id', 'sla_in_force') : new AppError('NOT_FOUND');
  }
  await recordAudit(ctx, { type: 'rights.sla_policy_removed', entityType: 'rights_sla_policy', entityId: id, data: { effectiveFrom: gone.effectiveFrom } });
  return { id };
}

/** Closes the department on a working day, today or later: every clock the federation owns stops that day. */
export async function addClosure(ctx: Ctx, input: z.infer<typeof closureDayInput>) {
  const today = chinaDate(ctx.now);
  if (input.day < today) throw refuse(ctx, 'day', 'closure_past');
  if (input.day > addYears(today, 2)) throw refuse(ctx, 'day', 'closure_too_far');
  const national = new Map((await findNationalDays(ctx.db)).map((d) => [d.day, d.work]));
  if (!isWorkingDay(input.day, { closures: new Set(), national })) throw refuse(ctx, 'day', 'closure_not_workday');
  // the same day twice (two admins at once, a repeated click) is one closure: the first reason stands
  const added = await ctx.db
    .insert(rightsClosureDays)
    .values({ tenantId: ctx.tenantId, day: input.day, reason: input.reason, createdBy: ctx.actor.userId })
    .onConflictDoNothing()
    .returning({ day: rightsClosureDays.day });
  if (added.length) await recordAudit(ctx, { type: 'rights.closure_added', entityType: 'rights_closure_day', entityId: input.day, data: { day: input.day, reason: input.reason } });
  return { day: input.day };
}

export async function removeClosure(ctx: Ctx, day: string) {
  if (day <= chinaDate(ctx.now)) throw refuse(ctx, 'day', 'closure_started');
  const gone = await ctx.db
    .delete(rightsClosureDays)
    .where(and(eq(rightsClosureDays.tenantId, ctx.tenantId), eq(rightsClosureDays.day, day)))
    .returning({ reason: rightsClosureDays.reason });
  if (!gone.length) throw new AppError('NOT_FOUND');
  await recordAudit(ctx, { type: 'rights.closure_removed', entityType: 'rights_closure_day', entityId: day, data: { day, reason: gone[0]!.reason } });
  return { day };
}
