import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, type AttachmentDto } from '@uc/contracts';
import { jointItemAttachments } from '@uc/db';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties, findParties, type PartyRow } from '../agreements/agreement.repo.ts';
import { recordActivity } from './activity.ts';
import { itemForWrite } from './jointItem.access.ts';
import { findJointItem } from './jointItem.repo.ts';
import { agreementOf, ownedByMyAgreements } from './visible.ts';

// Attachments of progress updates: images and PDFs up to 10 MB, stored in the database
// (docs/decisions/0008-attachments.md). The type the browser claims must match the file's own
// signature, so a script named .png is refused rather than served.

type AttachmentType = AttachmentDto['contentType'];
const { bytes: _bytes, ...META } = getTableColumns(jointItemAttachments);
export type AttachmentMeta = Omit<typeof jointItemAttachments.$inferSelect, 'bytes'>;

/** The content type the bytes really are, from their magic numbers; null when none we accept. */
export function sniffType(b: Buffer): AttachmentType | null {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (b.subarray(0, 6).toString('latin1') === 'GIF87a' || b.subarray(0, 6).toString('latin1') === 'GIF89a') return 'image/gif';
  if (b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return null;
}

/** The path the web app links to (GET with the session cookie). */
export const attachmentUrl = (id: string) => `/api/joint-items/attachments/${id}`;

/** a file name safe to show and to put in Content-Disposition: no path, no control characters */
const cleanName = (name: string) =>
  [...name.replace(/^.*[\\/]/, '')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .slice(0, 200) || 'file';

export async function uploadAttachment(ctx: ServiceCtx, input: { itemId: string; filename: string; contentType: AttachmentType; base64: string }): Promise<AttachmentDto> {
  const { item, agreement, parties } = await itemForWrite(ctx, input.itemId);
  const bytes = Buffer.from(input.base64, 'base64');
  if (!bytes.length) throw new AppError('BAD_INPUT', { fields: { base64: 'required' } });
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
  const sniffed = sniffType(bytes);
  if (sniffed !== input.contentType) throw new AppError('BAD_INPUT', { fields: { contentType: 'invalid_value' }, detected: sniffed });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const [row] = await ctx.db
    .insert(jointItemAttachments)
    .values({
      tenantId: item.tenantId,
      agreementId: item.agreementId,
      itemId: item.id,
      partyTenantId: ctx.tenantId,
      filename: cleanName(input.filename),
      contentType: sniffed,
      size: bytes.length,
      sha256,
      bytes,
      uploadedByUserId: ctx.actor.userId,
      uploadedByLabel: ctx.actor.label,
      createdAt: ctx.now,
    })
    .returning(META);
  const data = { agreementId: agreement.id, itemId: item.id, filename: row!.filename, contentType: sniffed, size: bytes.length, sha256 };
  await auditToParties(ctx, parties, { type: 'joint_item.attachment_added', entityType: 'joint_item_attachment', entityId: row!.id, data });
  await recordActivity(ctx, { agreement, itemId: item.id, type: 'attachment.added', data: { filename: row!.filename, contentType: sniffed, size: bytes.length } });
  return toAttachmentDto(row!, parties);
}

/** Metadata of an item's attachments, newest first (never the bytes). */
export async function findAttachmentsOfItem(ctx: ServiceCtx, item: { tenantId: string; id: string }): Promise<AttachmentMeta[]> {
  return ctx.db
    .select(META)
    .from(jointItemAttachments)
    .where(and(eq(jointItemAttachments.tenantId, item.tenantId), eq(jointItemAttachments.itemId, item.id)))
    .orderBy(desc(jointItemAttachments.createdAt));
}

/** The file for the download route; NOT_FOUND to non-parties (row-level security), like a missing id. */
export async function getAttachmentFile(ctx: ServiceCtx, id: string): Promise<{ filename: string; contentType: AttachmentType; base64: string }> {
  const [row] = await ctx.db
    .select()
    .from(jointItemAttachments)
    .where(and(ownedByMyAgreements(ctx, jointItemAttachments.tenantId), eq(jointItemAttachments.id, id)));
  if (!row) throw new AppError('NOT_FOUND');
  return { filename: row.filename, contentType: row.contentType as AttachmentType, base64: row.bytes.toString('base64') };
}

export function toAttachmentDto(a: AttachmentMeta, parties: PartyRow[]): AttachmentDto {
  return {
    id: a.id,
    itemId: a.itemId,
    updateId: a.updateId,
    filename: a.filename,
    contentType: a.contentType as AttachmentType,
    size: a.size,
    partySlug: parties.find((p) => p.tenantId === a.partyTenantId)?.slug ?? '',
    uploadedByLabel: a.uploadedByLabel,
    createdAt: a.createdAt.toISOString(),
    url: attachmentUrl(a.id),
  };
}

export async function listAttachments(ctx: ServiceCtx, itemId: string): Promise<AttachmentDto[]> {
  const item = await findJointItem(ctx, itemId);
  const parties = await findParties(ctx, await agreementOf(ctx, item));
  return (await findAttachmentsOfItem(ctx, item)).map((a) => toAttachmentDto(a, parties));
}
