import { createHash } from 'node:crypto';
import { ATTACHMENT_MAX_BYTES, type AttachmentDto } from '@uc/contracts';
import { jointItemAttachments } from '@uc/db';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties } from '../agreement/index.ts';
import { recordActivity } from './activity.write.ts';
import { itemForWrite } from './jointItem.access.ts';
import { META, toAttachmentDto, uploadersOf } from './attachment.query.ts';
import { sniffType } from './attachment.rules.ts';

export { sniffType } from './attachment.rules.ts';

/** a file name safe to show and to put in Content-Disposition: no path, no control characters */
const cleanName = (name: string) =>
  [...name.replace(/^.*[\\/]/, '')]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .slice(0, 200) || 'file';

export async function uploadAttachment(ctx: ServiceCtx, input: { itemId: string; filename: string; contentType?: string | undefined; base64: string }): Promise<AttachmentDto> {
  const { item, agreement, parties } = await itemForWrite(ctx, input.itemId);
  const bytes = Buffer.from(input.base64, 'base64');
  if (!bytes.length) throw new AppError('BAD_INPUT', { fields: { base64: 'required' } });
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
  const sniffed = sniffType(bytes);
  // the bytes decide the type; the browser's claim (often empty or generic for Office files) is not believed
  if (!sniffed) throw new AppError('BAD_INPUT', { fields: { base64: 'attachment_type' } });
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
  return toAttachmentDto(row!, parties, await uploadersOf(ctx, [row!]));
}
