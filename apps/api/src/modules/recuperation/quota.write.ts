import type { AgreementContent, allocateInput } from '@uc/contracts';
import { asTenant } from '@uc/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { auditToParties, findAgreement, findParties, findVersion } from '../agreement/index.ts';
import { ensureQuota, lockQuotaAndAllocation, reallocate, regrantQuotas, writeAllocation, type Regranted } from '../place/index.ts';
import { placesPerYear } from './quota.rules.ts';
import { today, yearOf } from './recuperation.rules.ts';
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

/**
 * When a version of an agreement comes into force (an amendment signed by all), the ledger lines of
 * this year on follow its recuperation figure for each direction (issue 12): regranted in each host's context
 * (the host sees the lines it hosts), never below what is used or handed down, each change audited
 * to both parties with the figure agreed. The first activation finds no lines yet: they open with
 * the figure on first use.
 */
export async function followAgreedFigure(ctx: ServiceCtx, agreementId: string, versionId: string): Promise<void> {
  const agreement = await findAgreement(ctx, agreementId);
  const version = await findVersion(ctx, agreement, versionId);
  const parties = await findParties(ctx, agreement);
  const changed = new Map<string, Regranted & { agreed: number }>();
  // each host's own figure (the two directions may differ), on the lines it hosts — regranted as the host
  for (const host of parties) {
    const agreed = placesPerYear(version.content as AgreementContent, host.slug) ?? 0;
    const key = { kind: QUOTA_KIND, agreementTenantId: agreement.tenantId, agreementId, hostTenantId: host.tenantId, fromYear: yearOf(today(ctx)), granted: agreed };
    for (const r of await asTenant(ctx.db, host.tenantId, () => regrantQuotas(ctx, key))) changed.set(r.quotaId, { ...r, agreed });
  }
  for (const r of changed.values()) {
    await auditToParties(ctx, parties, { type: 'recuperation.quota_regranted', entityType: 'recuperation_quota', entityId: r.quotaId, data: { year: r.year, agreementId, from: r.before, to: r.after, agreed: r.agreed } });
  }
}
