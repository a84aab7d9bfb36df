import type { Health, ProgressUpdateDto } from '@uc/contracts';
import { jointItemAttachments, jointItems, jointItemUpdates } from '@uc/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties } from '../agreement/index.ts';
import { recordActivity } from './activity.write.ts';
import { findAttachmentsOfItem } from './attachment.query.ts';
import { itemForWrite } from './jointItem.access.ts';
import { loadPeople } from '../person/index.ts';
import { toUpdateDto } from './progress.query.ts';

export async function postProgressUpdate(ctx: ServiceCtx, input: { itemId: string; health: Health; text: string; attachmentIds: string[] }): Promise<ProgressUpdateDto> {
  // the item row is locked so two updates at once set the item's health in the order they were written
  const { item, agreement, parties } = await itemForWrite(ctx, input.itemId, { forUpdate: true });
  const [update] = await ctx.db
    .insert(jointItemUpdates)
    .values({
      tenantId: item.tenantId,
      agreementId: item.agreementId,
      itemId: item.id,
      partyTenantId: ctx.tenantId,
      authorUserId: ctx.actor.userId,
      authorLabel: ctx.actor.label,
      health: input.health,
      body: input.text,
      createdAt: ctx.now,
    })
    .returning();
  const ids = [...new Set(input.attachmentIds)];
  if (ids.length) {
    // only this federation's own uploads to this item that no update carries yet
    const linked = await ctx.db
      .update(jointItemAttachments)
      .set({ updateId: update!.id })
      .where(
        and(
          eq(jointItemAttachments.tenantId, item.tenantId),
          eq(jointItemAttachments.itemId, item.id),
          eq(jointItemAttachments.partyTenantId, ctx.tenantId),
          isNull(jointItemAttachments.updateId),
          inArray(jointItemAttachments.id, ids),
        ),
      )
      .returning({ id: jointItemAttachments.id });
    if (linked.length !== ids.length) throw new AppError('BAD_INPUT', { fields: { attachmentIds: 'invalid_value' } });
  }
  await ctx.db
    .update(jointItems)
    .set({ health: input.health, updatedAt: ctx.now })
    .where(and(eq(jointItems.tenantId, item.tenantId), eq(jointItems.id, item.id)));
  await auditToParties(ctx, parties, {
    type: 'joint_item.progress_posted',
    entityType: 'joint_item_update',
    entityId: update!.id,
    data: { agreementId: agreement.id, itemId: item.id, health: input.health, attachments: ids.length },
  });
  await recordActivity(ctx, { agreement, itemId: item.id, type: 'progress.posted', data: { health: input.health, excerpt: input.text.slice(0, 80), attachments: ids.length } });
  const attachments = (await findAttachmentsOfItem(ctx, item)).filter((a) => a.updateId === update!.id);
  return toUpdateDto(update!, attachments, parties, await loadPeople(ctx, [update!.authorUserId], [update!.partyTenantId]));
}
