import { z } from 'zod';
import { jointKind } from './agreement.ts';
import { uuid } from './common.ts';

// Joint items (共建项目) of an agreement's work plan (DOMAIN §3). Read-only here; issue 4
// ("Joint items") extends these DTOs with milestones, progress and edits.

export const JOINT_ITEM_STATUSES = ['not_started', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
export const jointItemStatus = z.enum(JOINT_ITEM_STATUSES);
export type JointItemStatus = z.infer<typeof jointItemStatus>;

/** phases of a joint project (kind = project): 立项 → 调研 → 中期 → 结项 → 成果转化 */
export const PROJECT_PHASES = ['initiation', 'research', 'midterm', 'closing', 'transfer'] as const;
export const projectPhase = z.enum(PROJECT_PHASES);
export type ProjectPhase = z.infer<typeof projectPhase>;

/** where an item came from: the agreement's work plan, a joint meeting decision, or added by hand */
export const JOINT_ITEM_SOURCES = ['plan', 'meeting', 'manual'] as const;
export const jointItemSource = z.enum(JOINT_ITEM_SOURCES);
export type JointItemSource = z.infer<typeof jointItemSource>;

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
  phase: projectPhase.nullable(),
  source: jointItemSource,
  /** source = meeting: the meeting decision it came from */
  sourceRef: z.string().nullable(),
  createdBySlug: z.string(),
  sides: z.array(jointItemSideDto),
  rowVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JointItemDto = z.infer<typeof jointItemDto>;

export const jointItemListInput = z.object({ agreementId: uuid });
