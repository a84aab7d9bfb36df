import { z } from 'zod';
import { jointKind } from './agreement.ts';
import { dateString, rowVersion, trimmed, uuid } from './common.ts';

// Joint items (共建项目) of an agreement's work plan (DOMAIN §3): the item itself, its sides and
// the edits on it. Milestones, progress and attachments: jointItemWork.ts; views: jointItemViews.ts.

export const JOINT_ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export const jointItemStatus = z.enum(JOINT_ITEM_STATUSES);
export type JointItemStatus = z.infer<typeof jointItemStatus>;

/**
 * The status moves an item may make (not_started → in_progress → done | delayed | cancelled).
 * A delayed item resumes or finishes; a done item may be reopened; cancelled is final.
 */
export const JOINT_ITEM_TRANSITIONS: Record<JointItemStatus, readonly JointItemStatus[]> = {
  not_started: ['in_progress', 'delayed', 'cancelled'],
  in_progress: ['done', 'delayed', 'cancelled'],
  delayed: ['in_progress', 'done', 'cancelled'],
  done: ['in_progress'],
  cancelled: [],
};
/** moves that need a written reason: delaying, cancelling, reopening a finished item */
export const STATUS_NEEDS_REASON: readonly JointItemStatus[] = ['delayed', 'cancelled'];

/** phases of a joint project (kind = project): 立项 → 调研 → 中期 → 结项 → 成果转化 */
export const PROJECT_PHASES = ['initiation', 'research', 'midterm', 'closing', 'transfer'] as const;
export const projectPhase = z.enum(PROJECT_PHASES);
export type ProjectPhase = z.infer<typeof projectPhase>;

/** where an item came from: the agreement's work plan, a joint meeting decision, added by hand, or an Excel import */
export const JOINT_ITEM_SOURCES = ['plan', 'meeting', 'manual', 'import'] as const;
export const jointItemSource = z.enum(JOINT_ITEM_SOURCES);
export type JointItemSource = z.infer<typeof jointItemSource>;

/** a real calendar date (2026-02-30 is refused), 'YYYY-MM-DD' */
/** kept as a name for the joint-items schemas; dateString itself now refuses impossible dates */
export const calendarDate = dateString;

export const HEALTHS = ['on_track', 'at_risk', 'off_track'] as const;
export const health = z.enum(HEALTHS);
export type Health = z.infer<typeof health>;

/** Progress derives from milestones (confirmed / total); never typed by hand. percent is 0 when there are none. */
export const progressDto = z.object({ done: z.number(), total: z.number(), percent: z.number() });
export type ProgressDto = z.infer<typeof progressDto>;

/** One party's side of an item: its responsible person (一主体一责任人). */
export const jointItemSideDto = z.object({
  partySlug: z.string(),
  partyNameZh: z.string(),
  partyNameEn: z.string(),
  responsibleUserId: z.string().nullable(),
  responsibleName: z.string(),
  responsibleContact: z.string(),
});
export type JointItemSideDto = z.infer<typeof jointItemSideDto>;

export const jointItemDto = z.object({
  id: z.string(),
  agreementId: z.string(),
  kind: jointKind,
  title: z.string(),
  description: z.string(),
  leadSlug: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  status: jointItemStatus,
  /** the reason given for the last delay, cancellation or reopening ('' when none) */
  statusReason: z.string(),
  phase: projectPhase.nullable(),
  source: jointItemSource,
  /** source = meeting: the meeting decision it came from */
  sourceRef: z.string().nullable(),
  /** the federation that added it (for plan items: the initiator's step that activated the agreement) */
  createdBySlug: z.string(),
  /** who added it by hand or by import (email); null for plan and meeting items created by the system */
  createdByLabel: z.string().nullable(),
  sides: z.array(jointItemSideDto),
  progress: progressDto,
  /** the health of the latest progress update; null before the first */
  health: health.nullable(),
  /** open milestones past their due date (Asia/Shanghai calendar) */
  overdueMilestones: z.number(),
  /** the earliest due date among open milestones */
  nextDueDate: z.string().nullable(),
  rowVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JointItemDto = z.infer<typeof jointItemDto>;

export const jointItemListInput = z.object({ agreementId: uuid });

/** the caller's own side, filled in when adding an item */
export const jointItemOwnSideInput = z.object({
  responsibleUserId: uuid.nullable().default(null),
  responsibleName: z.string().trim().max(50).default(''),
  responsibleContact: z.string().trim().max(100).default(''),
});

/** Added by hand by a lead (or admin) of either party; the item records who added it. */
export const jointItemCreateInput = z.object({
  agreementId: uuid,
  kind: jointKind,
  title: trimmed(1, 120),
  description: z.string().trim().max(2000).default(''),
  /** one of the parties */
  leadSlug: z.string().max(40),
  startDate: calendarDate,
  endDate: calendarDate,
  ownSide: jointItemOwnSideInput.optional(),
});

/** Core fields: only the lead federation's leads change them. Omitted fields stay. */
export const jointItemUpdateInput = z.object({
  id: uuid,
  rowVersion,
  title: trimmed(1, 120).optional(),
  description: z.string().trim().max(2000).optional(),
  startDate: calendarDate.optional(),
  endDate: calendarDate.optional(),
  /** joint projects only */
  phase: projectPhase.optional(),
});

/** A status move by the lead federation; reason required for delayed, cancelled and reopening a done item. */
export const jointItemSetStatusInput = z.object({
  id: uuid,
  rowVersion,
  status: jointItemStatus,
  reason: z.string().trim().max(500).default(''),
});

/** A side's own fields; a lead may change only their own federation's side (FORBIDDEN otherwise). */
export const jointItemUpdateSideInput = z.object({
  id: uuid,
  rowVersion,
  partySlug: z.string().max(40),
  responsibleUserId: uuid.nullable(),
  responsibleName: z.string().trim().max(50),
  responsibleContact: z.string().trim().max(100),
});
