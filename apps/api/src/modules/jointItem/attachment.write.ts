import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, type AttachmentDto } from '@uc/contracts';
import { jointItemAttachments } from '@uc/db';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties } from '../agreement/index.ts';
import { recordActivity } from './activity.write.ts';
import { itemForWrite } from './jointItem.access.ts';
import { META, toAttachmentDto, type AttachmentType } from './attachment.query.ts';

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
