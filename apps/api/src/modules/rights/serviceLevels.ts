import type { closureDayInput, ServiceLevelsDto, slaPolicyInput } from '@uc/contracts';
import { validationMessage } from '@uc/contracts/i18n';
import { rightsClosureDays, rightsSlaPolicies } from '@uc/db';
import { and, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { addYears, chinaDate } from '../../lib/dates.ts';
import { hasRole } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { findServiceLevels } from './rights.repo.ts';
import { DEFAULT_SLA } from './sla.rules.ts';
import type { Ctx } from './rights.types.ts';
import { isWorkingDay } from './workday.rules.ts';

// A federation's service levels (DOMAIN §3.2; docs/decisions/0049-rights-service-levels.md): the
// budgets of its clocks from a date and the days its rights department is closed. Clocks are
// derived from these every time, so what already counted must not change under them: a policy
// takes effect from tomorrow at the earliest (a running clock keeps the budget it started with)
// and only a scheduled one may be replaced or removed; a closure day is today or later, and only
// a future one may be taken back. Caseworkers read them; the admin sets them.

const refuse = (ctx: Ctx, field: string, key: string) => new AppError('BAD_INPUT', { fields: { [field]: validationMessage(key, ctx.locale) } });

export async function serviceLevels(ctx: Ctx): Promise<ServiceLevelsDto> {
  const today = chinaDate(ctx.now);
  const { policies, closures } = await findServiceLevels(ctx.db, [ctx.tenantId]);
  // newest first: the first one not after today is in force, older ones are superseded
  const inForce = policies.find((p) => p.effectiveFrom <= today);
  return {
    today,
    defaults: { acceptDays: DEFAULT_SLA.accept, respondDays: DEFAULT_SLA.respond, resolveDays: DEFAULT_SLA.resolve, followUpDays: DEFAULT_SLA.follow_up },
    policies: policies.map((p) => ({
      id: p.id,
      effectiveFrom: p.effectiveFrom,
      acceptDays: p.acceptDays,
      respondDays: p.respondDays,
      resolveDays: p.resolveDays,
      followUpDays: p.followUpDays,
      state: p.effectiveFrom > today ? 'scheduled' : p === inForce ? 'in_force' : 'superseded',
    })),
    closures: closures.map((c) => ({ day: c.day, reason: c.reason, removable: c.day > today })),
    canManage: hasRole(ctx.actor, 'admin'),
  };
}

/** Sets the policy from a future date; one already scheduled for that date is replaced. */
export async function setPolicy(ctx: Ctx, input: z.infer<typeof slaPolicyInput>) {
  if (input.effectiveFrom <= chinaDate(ctx.now)) throw refuse(ctx, 'effectiveFrom', 'sla_not_future');
  const values = { acceptDays: input.acceptDays, respondDays: input.respondDays, resolveDays: input.resolveDays, followUpDays: input.followUpDays };
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
  if (!isWorkingDay(input.day)) throw refuse(ctx, 'day', 'closure_not_workday');
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
