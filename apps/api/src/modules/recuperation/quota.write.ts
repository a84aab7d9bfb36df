import type { allocateInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { ensureQuota, lockQuotaAndAllocation, reallocate, writeAllocation } from '../place/index.ts';
import { listAllocations, receivedQuota } from './quota.query.ts';
import { existsOrgUnit, findAgreementTenantOfParty, findFederationIdBySlug } from './recuperation.repo.ts';
import { QUOTA_KIND } from './recuperation.types.ts';

// The receiver hands its places down its org tree (分配名额).

/** Sets one org unit's share of the places granted to us, under the quota row's lock. */
export async function allocate(ctx: ServiceCtx, input: z.infer<typeof allocateInput>) {
  const q = await receivedQuota(ctx, input.agreementId, input.hostSlug, input.year);
  if (!(await existsOrgUnit(ctx, input.orgUnitId))) throw new AppError('BAD_INPUT', { fields: { orgUnitId: 'org_unit_unknown' } });
  const hostId = await findFederationIdBySlug(ctx, input.hostSlug);
  const agreementTenantId = await findAgreementTenantOfParty(ctx, input.agreementId);
  const quotaId = q.id ?? (await ensureQuota(ctx, { kind: QUOTA_KIND, receiverTenantId: ctx.tenantId, hostTenantId: hostId!, agreementTenantId: agreementTenantId!, agreementId: input.agreementId, year: input.year, granted: q.granted }));
  const { quota: ledger, allocation: share } = await lockQuotaAndAllocation(ctx, quotaId, input.orgUnitId);
  const result = reallocate(ledger, share, input.places);
  if ('refusal' in result) throw new AppError('CONFLICT', { fields: { places: result.refusal === 'below_used' ? 'too_small' : 'too_big' }, refusal: result.refusal });
  await writeAllocation(ctx, quotaId, input.orgUnitId, share, input.places, result.ledger.allocated);
  await recordAudit(ctx, {
    type: 'recuperation.allocated',
    entityType: 'recuperation_quota',
    entityId: quotaId,
    data: { year: input.year, orgUnitId: input.orgUnitId, from: share?.places ?? 0, to: input.places },
  });
  return listAllocations(ctx, input);
}
