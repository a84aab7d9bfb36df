import type { PolicyDto, PriorityGroup } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { policyInForce, toRules, type PolicyRules } from './policy.rules.ts';
import { findPoliciesOf } from './recuperation.repo.ts';
import { today } from './recuperation.rules.ts';
import type { PolicyRow } from './recuperation.types.ts';

// Per-federation policy with effective dates, set by the members' home federation.

export function toPolicyDto(r: PolicyRow, current: PolicyRules | null): PolicyDto {
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
  const rows = await findPoliciesOf(ctx, ctx.tenantId);
  const current = policyInForce(rows.map(toRules), today(ctx));
  return rows.map((r) => toPolicyDto(r, current));
}
