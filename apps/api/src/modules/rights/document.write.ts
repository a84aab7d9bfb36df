import type { CaseDocumentDto } from '@uc/contracts';
import { rightsCaseDocuments } from '@uc/db';
import { acceptFile } from '../../lib/fileStore.ts';
import { recordAudit } from '../audit/index.ts';
import { DOCUMENT_META } from './document.repo.ts';
import { ownDocumentUrl, toDocumentDto } from './document.dto.ts';
import { findOwnCase } from './rights.repo.ts';
import type { Ctx } from './rights.types.ts';

// A caseworker of the referring federation adds a document to its case (decision 0053): a photo of
// the contract, a pay slip, a PDF — shared with the partner or internal. The one file store checks
// it; the audit keeps its kind, size and hash, never its name (the audit is no second copy of the case).

export async function uploadCaseDocument(
  ctx: Ctx,
  input: { caseId: string; kind: CaseDocumentDto['kind']; shared: boolean; note: string; filename: string; base64: string },
): Promise<CaseDocumentDto> {
  const c = await findOwnCase(ctx, input.caseId);
  const file = acceptFile(input);
  const [row] = await ctx.db
    .insert(rightsCaseDocuments)
    .values({
      tenantId: ctx.tenantId,
      caseId: c.id,
      kind: input.kind,
      shared: input.shared,
      note: input.note,
      ...file,
      uploadedByUserId: ctx.actor.userId,
      uploadedByLabel: ctx.actor.label,
      createdAt: ctx.now,
    })
    .returning(DOCUMENT_META);
  await recordAudit(ctx, {
    type: 'rights.document_added',
    entityType: 'rights_case_document',
    entityId: row!.id,
    data: { caseId: c.id, kind: input.kind, shared: input.shared, contentType: file.contentType, size: file.size, sha256: file.sha256 },
  });
  return toDocumentDto(row!, ownDocumentUrl(row!.id));
}
