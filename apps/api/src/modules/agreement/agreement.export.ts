import { personText, type AgreementContent } from '@uc/contracts';
import { signatures } from '@uc/db';
import { and, asc, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { loadPeople } from '../person/index.ts';
import { agreementContentHash } from './version.rules.ts';
import { findAgreement, findParties, findVersion } from './agreement.repo.ts';
import { renderPdf, renderPdfCached } from '../../lib/renderPool.ts';
import type { PdfModel } from './agreement.pdf.ts';

/**
 * The agreement as a PDF: the version in force, or while it is first being signed the frozen
 * version. Anything earlier has nothing signed to show (INVALID_TRANSITION). Every download is
 * written to the downloading federation's audit log.
 */
export async function agreementPdf(ctx: ServiceCtx, id: string): Promise<{ filename: string; base64: string }> {
  const a = await findAgreement(ctx, id);
  const versionId = a.inForceVersionId ?? (a.status === 'signing' ? a.currentVersionId : null);
  if (!versionId) throw new AppError('INVALID_TRANSITION', { status: a.status });
  const v = await findVersion(ctx, a, versionId);
  if (!v.contentHash) throw new AppError('INVALID_TRANSITION', { status: a.status });
  const parties = await findParties(ctx, a);
  const sigs = await ctx.db
    .select()
    .from(signatures)
    .where(and(eq(signatures.tenantId, a.tenantId), eq(signatures.versionId, v.id)))
    .orderBy(asc(signatures.createdAt));
  const content = v.content as AgreementContent;
  const recomputed = agreementContentHash({ agreementId: a.id, versionNumber: v.number, parties, content });
  const slugOf = new Map(parties.map((p) => [p.tenantId, p.slug]));
  // the PDF is a Chinese document whatever the reader's language
  const people = await loadPeople({ db: ctx.db, locale: 'zh-CN' }, sigs.map((s) => s.userId), parties.map((p) => p.tenantId));

  const model: PdfModel = {
    agreementId: a.id,
    number: a.number,
    versionNumber: v.number,
    content,
    parties: parties.map(({ slug, nameZh, nameEn }) => ({ slug, nameZh, nameEn })),
    signatures: sigs.map((s) => ({
      partySlug: slugOf.get(s.partyTenantId) ?? '',
      decision: s.decision as 'signed' | 'declined',
      signer: personText(people.person(s.userId, s.partyTenantId), '系统'),
      at: s.createdAt,
      ip: s.ip,
      userAgent: s.userAgent,
      contentHash: s.contentHash,
      reason: s.reason,
    })),
    contentHash: v.contentHash,
    hashMatches: recomputed === v.contentHash,
    frozenAt: v.frozenAt,
    generatedAt: ctx.now,
  };
  // drawn in the render pool; the version in force is signed and never changes, so its PDF is kept
  // by the hash of everything it shows (the first download's "generated at" stays on it)
  const { generatedAt: _, ...shown } = model;
  const bytes = versionId === a.inForceVersionId ? await renderPdfCached({ doc: 'agreement', ...shown }, { kind: 'agreement', model }) : await renderPdf({ kind: 'agreement', model });

  await recordAudit(ctx, {
    type: 'agreement.pdf_downloaded',
    entityType: 'agreement',
    entityId: a.id,
    data: { version: v.number, contentHash: v.contentHash },
  });
  return { filename: `${safeFileName(content.title)}-第${v.number}版.pdf`, base64: bytes.toString('base64') };
}

/** Characters no file system accepts are dropped; long titles are shortened. */
function safeFileName(title: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').slice(0, 80) || 'agreement';
}
