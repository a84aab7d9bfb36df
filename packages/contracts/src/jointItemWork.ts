import { z } from 'zod';
import { int32, rowVersion, trimmed, uuid } from './common.ts';
import { calendarDate, health } from './jointItem.ts';
import { personRef } from './person.ts';
import { FILE_MAX_BYTES, FILE_TYPES, fileUploadFields, storedFileDto } from './files.ts';

// The work on a joint item: milestones with dual confirmation, progress updates, attachments and
// the activity feed (DOMAIN §3).

// ---- milestones (时间节点) ----

/** open until every party's lead has confirmed it in the current round; a reopen starts a new round */
export const MILESTONE_STATUSES = ['open', 'done'] as const;
export const milestoneStatus = z.enum(MILESTONE_STATUSES);
export type MilestoneStatus = z.infer<typeof milestoneStatus>;

export const milestoneSideDto = z.object({
  partySlug: z.string(),
  partyNameZh: z.string(),
  partyNameEn: z.string(),
  ownerUserId: z.string().nullable(),
  ownerName: z.string(),
  /** this side's confirmation in the current round */
  confirmedAt: z.string().nullable(),
  confirmedBy: personRef.nullable(),
});
export type MilestoneSideDto = z.infer<typeof milestoneSideDto>;

export const milestoneDto = z.object({
  id: z.string(),
  itemId: z.string(),
  agreementId: z.string(),
  title: z.string(),
  /** a calendar date (Asia/Shanghai); overdue from the day after */
  dueDate: z.string(),
  status: milestoneStatus,
  /** 1, then +1 on every reopen; confirmations count in the current round only */
  round: z.number(),
  doneAt: z.string().nullable(),
  overdue: z.boolean(),
  /** days past the due date while open (0 when not overdue) */
  daysOverdue: z.number(),
  /** the reason of the last reopen ('' when never reopened) */
  reopenReason: z.string(),
  sides: z.array(milestoneSideDto),
  rowVersion: z.number(),
  createdAt: z.string(),
});
export type MilestoneDto = z.infer<typeof milestoneDto>;

export const milestoneListInput = z.object({ itemId: uuid });
/** by the lead federation's leads */
export const milestoneCreateInput = z.object({
  itemId: uuid,
  title: trimmed(1, 120),
  dueDate: calendarDate,
  /** the caller's own side's owner */
  ownerUserId: uuid.nullable().default(null),
  ownerName: z.string().trim().max(50).default(''),
});
export const milestoneUpdateInput = z.object({ id: uuid, rowVersion, title: trimmed(1, 120).optional(), dueDate: calendarDate.optional() });
/** a side's owner: the caller's own side only */
export const milestoneSetOwnerInput = z.object({ id: uuid, partySlug: z.string().max(40), ownerUserId: uuid.nullable(), ownerName: z.string().trim().max(50) });
/** confirms the caller's side in this round (a stale round is refused as STALE_VERSION); repeating it changes nothing */
export const milestoneConfirmInput = z.object({ id: uuid, round: int32 });
export const milestoneReopenInput = z.object({ id: uuid, round: int32, reason: trimmed(1, 500) });
export const milestoneDeleteInput = z.object({ id: uuid, rowVersion });

// ---- attachments ----

export const ATTACHMENT_MAX_BYTES = FILE_MAX_BYTES;
/** images and PDFs (a browser previews them inline), Word and Excel (always downloaded); decided by the file's bytes */
export const ATTACHMENT_TYPES = FILE_TYPES;
export const attachmentType = z.enum(ATTACHMENT_TYPES);

export const attachmentDto = z.object({
  id: z.string(),
  itemId: z.string(),
  /** the progress update it belongs to; null until an update names it */
  updateId: z.string().nullable(),
  filename: z.string(),
  contentType: attachmentType,
  size: z.number(),
  partySlug: z.string(),
  /** who uploaded it: 姓名 + 职务 + 单位, never a login email */
  uploadedBy: personRef,
  createdAt: z.string(),
  /** GET with the session cookie: inline preview; add ?download=1 to save it */
  url: z.string(),
});
export type AttachmentDto = z.infer<typeof attachmentDto>;

/** base64 of at most ATTACHMENT_MAX_BYTES bytes; the type is read from the file's own bytes (contentType, the browser's claim, is not believed) */
export const attachmentUploadInput = z.object({
  itemId: uuid,
  ...fileUploadFields,
});
export const attachmentFileDto = storedFileDto;

// ---- progress updates ----

export const progressUpdateDto = z.object({
  id: z.string(),
  itemId: z.string(),
  partySlug: z.string(),
  partyNameZh: z.string(),
  partyNameEn: z.string(),
  author: personRef,
  health,
  text: z.string(),
  attachments: z.array(attachmentDto),
  createdAt: z.string(),
});
export type ProgressUpdateDto = z.infer<typeof progressUpdateDto>;

export const progressListInput = z.object({ itemId: uuid });
/** by a lead (or admin) of either party; attachments uploaded first by this federation for this item */
export const progressPostInput = z.object({
  itemId: uuid,
  health,
  text: trimmed(1, 5000),
  attachmentIds: z.array(uuid).max(10).default([]),
});

// ---- activity feed ----

export const ACTIVITY_TYPES = [
  'item.created',
  'item.updated',
  'item.status_changed',
  'item.side_updated',
  'milestone.created',
  'milestone.updated',
  'milestone.owner_set',
  'milestone.confirmed',
  'milestone.completed',
  'milestone.reopened',
  'milestone.deleted',
  'milestone.overdue',
  'progress.posted',
  'attachment.added',
  'work_plan.imported',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const activityDto = z.object({
  id: z.string(),
  at: z.string(),
  agreementId: z.string(),
  itemId: z.string().nullable(),
  itemTitle: z.string().nullable(),
  type: z.enum(ACTIVITY_TYPES),
  /** 姓名 + 职务 + 单位, or the system */
  actor: personRef,
  /** the federation the actor acted for; null for the system */
  actorPartySlug: z.string().nullable(),
  /** what changed: field names with from/to, reasons, titles (never personal contact details) */
  data: z.record(z.string(), z.unknown()),
});
export type ActivityDto = z.infer<typeof activityDto>;

/** newest first; pass the last entry's id as `before` for the next page. Exactly one of itemId, agreementId. */
export const activityListInput = z
  .object({ itemId: uuid.optional(), agreementId: uuid.optional(), before: uuid.optional(), limit: z.number().int().min(1).max(200).default(50) })
  .refine((v) => Boolean(v.itemId) !== Boolean(v.agreementId), { error: 'invalid_value' });
