import type { Health, ProgressUpdateDto } from '@uc/contracts';
import { jointItemUpdates } from '@uc/db';
import { and, desc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { loadPeople, type PeopleResolver } from '../person/index.ts';
import { agreementOf, findParties, type PartyRow } from '../agreement/index.ts';
import { findAttachmentsOfItem, toAttachmentDto, type AttachmentMeta } from './attachment.query.ts';
import { findJointItem, type JointItemRow } from './jointItem.repo.ts';

// Progress updates (进展): health, text and attachments, written by either side in its own name.
// The item keeps the latest health for sorting and dashboards; progress % comes from milestones.

type UpdateRow = typeof jointItemUpdates.$inferSelect;

export async function findUpdatesOfItem(ctx: ServiceCtx, item: JointItemRow, parties: PartyRow[]): Promise<ProgressUpdateDto[]> {
  const rows = await ctx.db
    .select()
    .from(jointItemUpdates)
    .where(and(eq(jointItemUpdates.tenantId, item.tenantId), eq(jointItemUpdates.itemId, item.id)))
    .orderBy(desc(jointItemUpdates.createdAt));
  const attachments = await findAttachmentsOfItem(ctx, item);
  const people = await loadPeople(ctx, [...rows.map((u) => u.authorUserId), ...attachments.map((a) => a.uploadedByUserId)], parties.map((x) => x.tenantId));
  return rows.map((u) => toUpdateDto(u, attachments.filter((a) => a.updateId === u.id), parties, people));
}

export async function listProgressUpdates(ctx: ServiceCtx, itemId: string): Promise<ProgressUpdateDto[]> {
  const item = await findJointItem(ctx, itemId);
  return findUpdatesOfItem(ctx, item, await findParties(ctx, await agreementOf(ctx, item)));
}

export function toUpdateDto(u: UpdateRow, attachments: AttachmentMeta[], parties: PartyRow[], people: PeopleResolver): ProgressUpdateDto {
  const p = parties.find((x) => x.tenantId === u.partyTenantId);
  return {
    id: u.id,
    itemId: u.itemId,
    partySlug: p?.slug ?? '',
    partyNameZh: p?.nameZh ?? '',
    partyNameEn: p?.nameEn ?? '',
    author: people.person(u.authorUserId, u.partyTenantId),
    health: u.health as Health,
    text: u.body,
    attachments: attachments.map((a) => toAttachmentDto(a, parties, people)),
    createdAt: u.createdAt.toISOString(),
  };
}
