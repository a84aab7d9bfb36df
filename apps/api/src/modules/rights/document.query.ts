import { fileAnswer } from '../../lib/fileStore.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/index.ts';
import { ownDocumentUrl, toDocumentDto } from './document.dto.ts';
import { findDocumentFile, findDocumentsOfCase } from './document.repo.ts';
import { logAccess } from './referral.query.ts';
import { findConsentOf, findFederations, findOwnCase, findReferral, findReferralsOfCase } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';

// Reading a case document's file (decision 0053).
// - The owner (the referring federation) reads any of its documents; the read is on the access log of
//   each referral of the case and in its audit chain, as a read of the case is.
// - Through a referral, either side reads a SHARED document of the referral's case. The performer
//   only while the worker's consent for it holds and covers documents: a read after a withdrawal is
//   refused, and the refusal is logged (an answer, not an error, so the log is committed). Every
//   read is on the shared access log (reason `document`) and in the reader's audit chain.
// Internal documents are never answered through a referral (and RLS hides them from the partner).

/** the owner's list of a case's files (names and flags, no bytes): not a read of the case's content */
export async function listCaseDocuments(ctx: Ctx, caseId: string) {
  const c = await findOwnCase(ctx, caseId);
  return (await findDocumentsOfCase(ctx, c, false)).map((d) => toDocumentDto(d, ownDocumentUrl(d.id)));
}

export async function ownDocumentFile(ctx: Ctx, id: string) {
  const row = await findDocumentFile(ctx, { tenantId: ctx.tenantId, id });
  if (!row) throw new AppError('NOT_FOUND');
  const referrals = await findReferralsOfCase(ctx, row.caseId);
  for (const r of referrals) await logAccess(ctx, r, 'read', 'document');
  await recordAudit(ctx, { type: 'rights.document_read', entityType: 'rights_case_document', entityId: row.id, data: { caseId: row.caseId, referrals: referrals.length } });
  return fileAnswer(row);
}

export async function referralDocumentFile(ctx: Ctx, input: { id: string; documentId: string }) {
  const r = await findReferral(ctx, input.id);
  const referrer = (await findFederations(ctx.db, [r.tenantId])).get(r.tenantId)!.slug;
  if (ctx.tenantId === r.performerTenantId) {
    const consent = await findConsentOf(ctx, r);
    if (!consent || consent.withdrawnAt || !consent.scope.includes('documents')) {
      await logAccess(ctx, r, 'refused', 'consent_withdrawn');
      await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'refused', reason: 'consent_withdrawn', documentId: input.documentId } });
      return { access: 'refused' as const, reason: 'consent_withdrawn' as const, filename: '', contentType: null, base64: '' };
    }
  }
  const row = await findDocumentFile(ctx, { tenantId: r.tenantId, id: input.documentId, caseId: r.caseId, sharedOnly: true });
  if (!row) throw new AppError('NOT_FOUND');
  await logAccess(ctx, r, 'read', 'document');
  await recordAudit(ctx, { type: 'rights.file_read', entityType: 'rights_referral', entityId: r.id, data: { referrer, outcome: 'read', reason: 'document', documentId: row.id } });
  return { access: 'granted' as const, reason: null, ...fileAnswer(row) };
}
