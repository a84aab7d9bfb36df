import type { AgreementStatus, ItemPageDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { agreementOf, findParties } from '../agreement/index.ts';
import { listActivity } from './activity.query.ts';
import { findAttachmentsOfItem, toAttachmentDto, uploadersOf } from './attachment.query.ts';
import { canWriteItems } from './jointItem.access.ts';
import { findItemStats, findJointItem, findSides, statsOf, toJointItemDto } from './jointItem.repo.ts';
import { findMilestonesOfItem, toMilestoneDtos } from './milestone.query.ts';
import { findUpdatesOfItem } from './progress.query.ts';

/** Everything the item page shows, in one call: the item, milestones, updates, activity, attachments, and what the caller may do. */
export async function itemPage(ctx: ServiceCtx, id: string): Promise<ItemPageDto> {
  const item = await findJointItem(ctx, id);
  const a = await agreementOf(ctx, item);
  const parties = await findParties(ctx, a);
  const canWrite = canWriteItems(ctx, a);
  const attachments = await findAttachmentsOfItem(ctx, item);
  const uploaders = await uploadersOf(ctx, attachments);
  return {
    item: toJointItemDto(item, await findSides(ctx, [item]), parties, statsOf(await findItemStats(ctx, [item]), item.id)),
    agreement: { id: a.id, title: a.title, status: a.status as AgreementStatus, termStart: a.termStart, termEnd: a.termEnd },
    milestones: await toMilestoneDtos(ctx, await findMilestonesOfItem(ctx, item), parties),
    updates: await findUpdatesOfItem(ctx, item, parties),
    activity: await listActivity(ctx, { itemId: item.id, limit: 50 }),
    attachments: attachments.map((x) => toAttachmentDto(x, parties, uploaders)),
    permissions: {
      mySlug: parties.find((p) => p.tenantId === ctx.tenantId)?.slug ?? '',
      canWrite,
      canEditCore: canWrite && item.leadTenantId === ctx.tenantId,
    },
  };
}
