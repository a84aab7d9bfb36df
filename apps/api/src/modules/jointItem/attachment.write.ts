import type { AttachmentDto } from '@uc/contracts';
import { jointItemAttachments } from '@uc/db';
import { acceptFile } from '../../lib/fileStore.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties } from '../agreement/index.ts';
import { recordActivity } from './activity.write.ts';
import { itemForWrite } from './jointItem.access.ts';
import { META, toAttachmentDto, uploadersOf } from './attachment.query.ts';

export async function uploadAttachment(ctx: ServiceCtx, input: { itemId: string; filename: string; contentType?: string | undefined; base64: string }): Promise<AttachmentDto> {
  const { item, agreement, parties } = await itemForWrite(ctx, input.itemId);
  // the one file store's checks: size, and the type read from the bytes (decision 0053)
  const file = acceptFile(input);
  const [row] = await ctx.db
    .insert(jointItemAttachments)
    .values({
      tenantId: item.tenantId,
      agreementId: item.agreementId,
      itemId: item.id,
      partyTenantId: ctx.tenantId,
      ...file,
      uploadedByUserId: ctx.actor.userId,
      uploadedByLabel: ctx.actor.label,
      createdAt: ctx.now,
    })
    .returning(META);
  const data = { agreementId: agreement.id, itemId: item.id, filename: row!.filename, contentType: file.contentType, size: file.size, sha256: file.sha256 };
  await auditToParties(ctx, parties, { type: 'joint_item.attachment_added', entityType: 'joint_item_attachment', entityId: row!.id, data });
  await recordActivity(ctx, { agreement, itemId: item.id, type: 'attachment.added', data: { filename: row!.filename, contentType: file.contentType, size: file.size } });
  return toAttachmentDto(row!, parties, await uploadersOf(ctx, [row!]));
}
