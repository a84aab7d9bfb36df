import type { z } from 'zod';
import type { caseCreateInput, consentWithdrawInput } from '@uc/contracts';
import { rightsCases, rightsConsents, members } from '@uc/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { sealIdNumber } from '../member/index.ts';
import { findDuplicates, findFederations, findOwnCase, findOwnConsent, findReferral, findReferralsOfCase } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';
import { recordStep } from './referral.write.ts';

// A caseworker of the federation that takes the case in (A) records it, and the worker's separate
// consent (PIPL art. 23) for each partner the file may go to; withdrawing a consent cuts that
// partner off the file at once (row-level security reads withdrawn_at).

export async function createCase(ctx: Ctx, input: z.infer<typeof caseCreateInput>) {
  if (input.memberId) {
    const [m] = await ctx.db.select({ id: members.id }).from(members).where(and(eq(members.tenantId, ctx.tenantId), eq(members.id, input.memberId)));
    if (!m) throw new AppError('NOT_FOUND');
  }
  if (input.linkedCaseId) await findOwnCase(ctx, input.linkedCaseId);
  const sealed = input.idNumber ? sealIdNumber(ctx.env.memberIdKey, input.idNumber) : null;
  const [row] = await ctx.db
    .insert(rightsCases)
    .values({
      tenantId: ctx.tenantId,
      memberId: input.memberId,
      workerName: input.workerName,
      workerMobile: input.workerMobile ?? '',
      ...(sealed ?? {}),
      employerName: input.employerName,
      employerCreditCode: input.employerCreditCode,
      employerCity: input.employerCity,
      disputeKind: input.disputeKind,
      facts: input.facts,
      claims: input.claims,
      amountClaimedFen: input.amountClaimedFen,
      source: input.source,
      documents: input.documents,
      internalNotes: input.internalNotes,
      linkedCaseId: input.linkedCaseId,
      createdBy: ctx.actor.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  const duplicates = await findDuplicates(ctx, row!);
  await recordAudit(ctx, { type: 'rights.case_created', entityType: 'rights_case', entityId: row!.id, data: { disputeKind: row!.disputeKind, source: row!.source, member: !!row!.memberId, duplicates: duplicates.length } });
  return { id: row!.id, duplicates: duplicates.map((d) => ({ id: d.id, createdAt: d.createdAt.toISOString() })) };
}

/** The worker withdraws a consent: the partner it named loses the file at once; each referral resting on it says so in its timeline. */
export async function withdrawConsent(ctx: Ctx, input: z.infer<typeof consentWithdrawInput>) {
  const consent = await findOwnConsent(ctx, input.consentId, { forUpdate: true });
  if (consent.withdrawnAt) throw new AppError('CONFLICT', { withdrawnAt: consent.withdrawnAt.toISOString() });
  await ctx.db
    .update(rightsConsents)
    .set({ withdrawnAt: ctx.now, withdrawReason: input.reason })
    .where(and(eq(rightsConsents.tenantId, ctx.tenantId), eq(rightsConsents.id, consent.id), isNull(rightsConsents.withdrawnAt)));
  const partner = (await findFederations(ctx.db, [consent.partnerTenantId])).get(consent.partnerTenantId)?.slug ?? consent.partnerTenantId;
  await recordAudit(ctx, { type: 'rights.consent_withdrawn', entityType: 'rights_consent', entityId: consent.id, data: { caseId: consent.caseId, partner, reason: input.reason } });
  for (const r of await findReferralsOfCase(ctx, consent.caseId)) {
    if (r.consentId !== consent.id) continue;
    await recordStep(ctx, await findReferral(ctx, r.id, { forUpdate: true }), 'consent_withdrawn', { reason: input.reason }, {});
  }
  return { id: consent.id };
}

