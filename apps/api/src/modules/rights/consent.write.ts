import type { z } from 'zod';
import type { consentInput } from '@uc/contracts';
import { rightsConsents } from '@uc/db';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findFederationBySlug, findOwnCase } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';

// The worker's separate consent (PIPL art. 23) to share named data with a named partner for a named
// purpose: recorded before any referral to that partner, on its own or as part of a transfer.

export async function recordConsent(ctx: Ctx, input: z.infer<typeof consentInput>) {
  const c = await findOwnCase(ctx, input.caseId);
  const partner = await findFederationBySlug(ctx.db, input.partnerSlug);
  if (!partner || partner.id === ctx.tenantId) throw new AppError('NOT_FOUND');
  const givenAt = new Date(input.givenAt);
  if (givenAt > ctx.now) throw new AppError('BAD_INPUT', { fields: { givenAt: 'future' } });
  const [row] = await ctx.db
    .insert(rightsConsents)
    .values({
      tenantId: ctx.tenantId,
      caseId: c.id,
      partnerTenantId: partner.id,
      purpose: input.purpose,
      scope: [...new Set(input.scope)],
      method: input.method,
      evidence: input.evidence,
      givenAt,
      recordedBy: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .returning();
  await recordAudit(ctx, { type: 'rights.consent_recorded', entityType: 'rights_consent', entityId: row!.id, data: { caseId: c.id, partner: partner.slug, method: row!.method, scope: row!.scope } });
  return { id: row!.id };
}
