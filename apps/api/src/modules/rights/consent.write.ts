import type { z } from 'zod';
import { CONSENT_FORM_TYPES, type consentInput } from '@uc/contracts';
import { rightsConsents } from '@uc/db';
import { AppError } from '../../errors.ts';
import { acceptFile } from '../../lib/fileStore.ts';
import { recordAudit } from '../audit/index.ts';
import { insertForm } from './consentForm.repo.ts';
import { findFederationBySlug, findOwnCase } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';

// The worker's separate consent (PIPL art. 23) to share named data with a named partner for a named
// purpose: recorded before any referral to that partner, on its own or as part of a transfer.
// Given by signed form, the form itself (a PDF or a photo, the one file store's checks) is uploaded
// with it, in the same transaction (decision 0056): a deferred trigger refuses a signed-form consent
// without its form, so there is never one a referral could rest on without the proof. By phone, the
// caseworker's attestation of the call is the evidence.

export async function recordConsent(ctx: Ctx, input: z.infer<typeof consentInput>) {
  if (input.method === 'signed_form' && !input.form) throw new AppError('BAD_INPUT', { fields: { form: 'required' } });
  if (input.method === 'phone_attested' && input.form) throw new AppError('BAD_INPUT', { fields: { form: 'phone_no_form' } });
  const attestation = input.evidence.trim();
  if (input.method === 'phone_attested' && !attestation) throw new AppError('BAD_INPUT', { fields: { evidence: 'required' } });
  const c = await findOwnCase(ctx, input.caseId);
  const partner = await findFederationBySlug(ctx.db, input.partnerSlug);
  if (!partner || partner.id === ctx.tenantId) throw new AppError('NOT_FOUND');
  const givenAt = new Date(input.givenAt);
  if (givenAt > ctx.now) throw new AppError('BAD_INPUT', { fields: { givenAt: 'future' } });
  const file = input.form ? acceptFile(input.form, CONSENT_FORM_TYPES) : null;
  const [row] = await ctx.db
    .insert(rightsConsents)
    .values({
      tenantId: ctx.tenantId,
      caseId: c.id,
      partnerTenantId: partner.id,
      purpose: input.purpose,
      scope: [...new Set(input.scope)],
      method: input.method,
      evidence: attestation || file!.filename,
      givenAt,
      recordedBy: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .returning();
  if (file) await insertForm(ctx, { tenantId: ctx.tenantId, consentId: row!.id, ...file, uploadedByUserId: ctx.actor.userId, uploadedByLabel: ctx.actor.label, createdAt: ctx.now });
  await recordAudit(ctx, {
    type: 'rights.consent_recorded',
    entityType: 'rights_consent',
    entityId: row!.id,
    data: { caseId: c.id, partner: partner.slug, method: row!.method, scope: row!.scope, ...(file ? { form: { contentType: file.contentType, size: file.size, sha256: file.sha256 } } : {}) },
  });
  return { id: row!.id };
}
