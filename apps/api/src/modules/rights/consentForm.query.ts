import { fileAnswer } from '../../lib/fileStore.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { findFormFile } from './consentForm.repo.ts';
import { logAccess } from './referral.query.ts';
import { findConsentOf, findFederations, findOwnConsent, findReferral, findReferralsOfCase } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';
import { formShared } from './consentForm.rules.ts';

// Reading the worker's signed consent form (decision 0056). It carries the worker's name and
// signature, so it is shared data like the case documents, under a narrower rule:
// - the owner (the referring federation) reads it; the read is on the access log of each referral
//   resting on that consent and in its audit chain (rights.consent_form_read);
// - the performer reads it through the referral only while the consent holds AND covers both
//   `documents` and `worker_identity` (PIPL minimum sharing: a partner the worker let see only the
//   facts does not get their signature). A read without that is refused and logged (an answer, so
//   the log row commits); row-level security says the same. Every read is on the shared access log
//   (reason `consent_form`) and in the reader's audit chain.

export async function ownConsentFormFile(ctx: Ctx, consentId: string) {
  const consent = await findOwnConsent(ctx, consentId);
  const row = await findFormFile(ctx, ctx.tenantId, consent.id);
  if (!row) throw new AppError('NOT_FOUND');
  const referrals = (await findReferralsOfCase(ctx, consent.caseId)).filter((r) => r.consentId === consent.id);
  for (const r of referrals) await logAccess(ctx, r, 'read', 'consent_form');
  await recordAudit(ctx, { type: 'rights.consent_form_read', entityType: 'rights_consent_form', entityId: row.id, data: { caseId: consent.caseId, consentId: consent.id, referrals: referrals.length } });
  return fileAnswer(row);
}

export async function referralConsentFormFile(ctx: Ctx, id: string) {
  const r = await findReferral(ctx, id);
  const referrer = (await findFederations(ctx.db, [r.tenantId])).get(r.tenantId)!.slug;
  const consent = await findConsentOf(ctx, r);
  if (ctx.tenantId === r.performerTenantId && !formShared(consent)) {
    await logAccess(ctx, r, 'refused', 'consent_withdrawn');
    await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'refused', reason: 'consent_form' } });
    return { access: 'refused' as const, reason: 'consent_withdrawn' as const, filename: '', contentType: null, base64: '' };
  }
  const row = await findFormFile(ctx, r.tenantId, r.consentId);
  if (!row) throw new AppError('NOT_FOUND');
  await logAccess(ctx, r, 'read', 'consent_form');
  await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'read', reason: 'consent_form', fileId: row.id } });
  return { access: 'granted' as const, reason: null, ...fileAnswer(row) };
}
