import type { PolicyDto, PolicyInput, PriorityGroup, policyUpdateInput } from '@uc/contracts';
import { recuperationPolicies } from '@uc/db';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isViolation, UNIQUE_VIOLATION } from '../members/db.errors.ts';
import { policyInForce, type PolicyRules } from './policy.rules.ts';
import { today } from './recuperation.common.ts';

// Per-federation policy with effective dates, set by the members' home federation. A policy
// already in force is not rewritten (trips were judged by it): a change is a new policy from a
// later date, and the old one's effective_to may be set to close it.

type PolicyRow = typeof recuperationPolicies.$inferSelect;

export const toRules = (r: PolicyRow): PolicyRules => ({ ...r, priorityGroups: r.priorityGroups as PriorityGroup[] });

/** Every policy of the federation, oldest first (as the home federation, tenant_id = home). */
export async function policiesOf(ctx: Pick<ServiceCtx, 'db'>, homeTenantId: string): Promise<PolicyRules[]> {
  const rows = await ctx.db.select().from(recuperationPolicies).where(eq(recuperationPolicies.tenantId, homeTenantId)).orderBy(asc(recuperationPolicies.effectiveFrom));
  return rows.map(toRules);
}

function toDto(r: PolicyRow, current: PolicyRules | null): PolicyDto {
  return {
    id: r.id,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    maxDaysPerTrip: r.maxDaysPerTrip,
    budgetPerDayFen: r.budgetPerDayFen,
    budgetPerYearFen: r.budgetPerYearFen,
    tripsPerYear: r.tripsPerYear,
    noRepeatYears: r.noRepeatYears,
    maxParts: r.maxParts,
    priorityGroups: r.priorityGroups as PriorityGroup[],
    givenUpCountsAsUsed: r.givenUpCountsAsUsed,
    note: r.note,
    current: current?.id === r.id,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listPolicies(ctx: ServiceCtx): Promise<PolicyDto[]> {
  const rows = await ctx.db.select().from(recuperationPolicies).where(eq(recuperationPolicies.tenantId, ctx.tenantId)).orderBy(asc(recuperationPolicies.effectiveFrom));
  const current = policyInForce(rows.map(toRules), today(ctx));
  return rows.map((r) => toDto(r, current));
}

const sameStart = (e: unknown) => isViolation(e, UNIQUE_VIOLATION, 'recuperation_policy_from_uq');

export async function createPolicy(ctx: ServiceCtx, input: PolicyInput): Promise<PolicyDto> {
  const row = await ctx.db
    .transaction(async (tx) => (await tx.insert(recuperationPolicies).values({ tenantId: ctx.tenantId, ...input }).returning())[0]!)
    .catch((e: unknown) => {
      throw sameStart(e) ? new AppError('CONFLICT', { fields: { effectiveFrom: 'duplicate_existing' } }) : e;
    });
  await recordAudit(ctx, { type: 'recuperation.policy_saved', entityType: 'recuperation_policy', entityId: row.id, data: { effectiveFrom: row.effectiveFrom, created: true } });
  return (await listPolicies(ctx)).find((p) => p.id === row.id)!;
}

/** A policy not yet in force may change freely; one in force (or past) may only get an end date. */
export async function updatePolicy(ctx: ServiceCtx, input: z.infer<typeof policyUpdateInput>): Promise<PolicyDto> {
  const { id, ...fields } = input;
  const [row] = await ctx.db.select().from(recuperationPolicies).where(and(eq(recuperationPolicies.tenantId, ctx.tenantId), eq(recuperationPolicies.id, id))).for('update');
  if (!row) throw new AppError('NOT_FOUND');
  const started = row.effectiveFrom <= today(ctx);
  if (started) {
    const { effectiveTo, ...rest } = fields;
    const original = toDto(row, null);
    const changed = (Object.keys(rest) as (keyof typeof rest)[]).filter((k) => JSON.stringify(rest[k]) !== JSON.stringify(original[k]));
    if (changed.length) throw new AppError('BAD_INPUT', { fields: Object.fromEntries(changed.map((k) => [k, 'invalid_value'])) });
    if (effectiveTo !== null && effectiveTo < today(ctx)) throw new AppError('BAD_INPUT', { fields: { effectiveTo: 'invalid_value' } });
  }
  await ctx.db
    .transaction((tx) => tx.update(recuperationPolicies).set(fields).where(and(eq(recuperationPolicies.tenantId, ctx.tenantId), eq(recuperationPolicies.id, id))))
    .catch((e: unknown) => {
      throw sameStart(e) ? new AppError('CONFLICT', { fields: { effectiveFrom: 'duplicate_existing' } }) : e;
    });
  await recordAudit(ctx, { type: 'recuperation.policy_saved', entityType: 'recuperation_policy', entityId: id, data: { effectiveFrom: fields.effectiveFrom, created: false } });
  return (await listPolicies(ctx)).find((p) => p.id === id)!;
}
