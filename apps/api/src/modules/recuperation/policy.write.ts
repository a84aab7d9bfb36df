import type { PolicyDto, PolicyInput, policyUpdateInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { isViolation, UNIQUE_VIOLATION } from '../../lib/dbErrors.ts';
import { listPolicies, toPolicyDto } from './policy.query.ts';
import { insertPolicy, lockPolicy, updatePolicyRow } from './recuperation.repo.ts';
import { today } from './recuperation.rules.ts';

// A policy already in force is not rewritten (trips were judged by it): a change is a new policy
// from a later date, and the old one's effective_to may be set to close it.

const sameStart = (e: unknown) => isViolation(e, UNIQUE_VIOLATION, 'recuperation_policy_from_uq');
const asConflict = (e: unknown) => {
  throw sameStart(e) ? new AppError('CONFLICT', { fields: { effectiveFrom: 'duplicate_existing' } }) : e;
};

export async function createPolicy(ctx: ServiceCtx, input: PolicyInput): Promise<PolicyDto> {
  const row = await ctx.db.transaction((tx) => insertPolicy(tx, ctx.tenantId, input)).catch(asConflict);
  await recordAudit(ctx, { type: 'recuperation.policy_saved', entityType: 'recuperation_policy', entityId: row.id, data: { effectiveFrom: row.effectiveFrom, created: true } });
  return (await listPolicies(ctx)).find((p) => p.id === row.id)!;
}

/** A policy not yet in force may change freely; one in force (or past) may only get an end date. */
export async function updatePolicy(ctx: ServiceCtx, input: z.infer<typeof policyUpdateInput>): Promise<PolicyDto> {
  const { id, ...fields } = input;
  const row = await lockPolicy(ctx, id);
  if (!row) throw new AppError('NOT_FOUND');
  const started = row.effectiveFrom <= today(ctx);
  if (started) {
    const { effectiveTo, ...rest } = fields;
    const original = toPolicyDto(row, null);
    const changed = (Object.keys(rest) as (keyof typeof rest)[]).filter((k) => JSON.stringify(rest[k]) !== JSON.stringify(original[k]));
    if (changed.length) throw new AppError('BAD_INPUT', { fields: Object.fromEntries(changed.map((k) => [k, 'invalid_value'])) });
    if (effectiveTo !== null && effectiveTo < today(ctx)) throw new AppError('BAD_INPUT', { fields: { effectiveTo: 'invalid_value' } });
  }
  await ctx.db.transaction((tx) => updatePolicyRow(tx, ctx.tenantId, id, fields)).catch(asConflict);
  await recordAudit(ctx, { type: 'recuperation.policy_saved', entityType: 'recuperation_policy', entityId: id, data: { effectiveFrom: fields.effectiveFrom, created: false } });
  return (await listPolicies(ctx)).find((p) => p.id === id)!;
}
