import type { AttachmentDto } from '@uc/contracts';
import { jointItemAttachments } from '@uc/db';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { agreementOf, findParties, ownedByMyAgreements, type PartyRow } from '../agreement/index.ts';
import { findJointItem } from './jointItem.repo.ts';
import { loadPeople, type PeopleResolver } from '../person/index.ts';

// Attachments of progress updates: images, PDFs, Word and Excel files up to 10 MB, stored in the database
// (docs/decisions/0008-attachments.md). The type the browser claims must match the file's own
// signature, so a script named .png is refused rather than served.

export type AttachmentType = AttachmentDto['contentType'];
/** every column but the bytes */
const { bytes: _bytes, ...META } = getTableColumns(jointItemAttachments);

export { META };
export type AttachmentMeta = Omit<typeof jointItemAttachments.$inferSelect, 'bytes'>;

/** The path the web app links to (GET with the session cookie). */
export const attachmentUrl = (id: string) => `/api/joint-items/attachments/${id}`;

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

/** The people who uploaded these attachments, to name them (never by email). */
export const uploadersOf = (ctx: ServiceCtx, rows: AttachmentMeta[]) =>
  loadPeople(ctx, rows.map((a) => a.uploadedByUserId), rows.map((a) => a.partyTenantId));

export function toAttachmentDto(a: AttachmentMeta, parties: PartyRow[], people: PeopleResolver): AttachmentDto {
  return {
    id: a.id,
    itemId: a.itemId,
    updateId: a.updateId,
    filename: a.filename,
    contentType: a.contentType as AttachmentType,
    size: a.size,
    partySlug: parties.find((p) => p.tenantId === a.partyTenantId)?.slug ?? '',
    uploadedBy: people.person(a.uploadedByUserId, a.partyTenantId),
    createdAt: a.createdAt.toISOString(),
    url: attachmentUrl(a.id),
  };
}

export async function listAttachments(ctx: ServiceCtx, itemId: string): Promise<AttachmentDto[]> {
  const item = await findJointItem(ctx, itemId);
  const parties = await findParties(ctx, await agreementOf(ctx, item));
  const rows = await findAttachmentsOfItem(ctx, item);
  const people = await uploadersOf(ctx, rows);
  return rows.map((a) => toAttachmentDto(a, parties, people));
}
