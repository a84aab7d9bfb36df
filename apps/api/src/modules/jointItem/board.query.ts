import { JOINT_ITEM_STATUSES, JOINT_KINDS, type AgreementStatus, type BoardDto, type JointKind, type MilestoneStatus, type TimelineDto } from '@uc/contracts';
import { jointMilestones } from '@uc/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { findParties, findVisibleAgreement } from '../agreement/index.ts';
import { canWriteItems } from './jointItem.access.ts';
import { jointItemsOf, listJointItems } from './jointItem.query.ts';
import { daysOverdue } from './jointItem.rules.ts';

/**
 * The agreement's board: its header (title, status, parties, what the caller may do), its items and
 * a count for every kind × status cell (zeros included).
 */
export async function agreementBoard(ctx: ServiceCtx, agreementId: string): Promise<BoardDto> {
  const a = await findVisibleAgreement(ctx, agreementId);
  const parties = await findParties(ctx, a);
  const items = await jointItemsOf(ctx, a, parties);
  const cells = JOINT_KINDS.flatMap((kind) =>
    JOINT_ITEM_STATUSES.map((status) => ({ kind, status, count: items.filter((i) => i.kind === kind && i.status === status).length })),
  );
  return {
    agreementId,
    agreement: {
      id: a.id,
      title: a.title,
      status: a.status as AgreementStatus,
      termStart: a.termStart,
      termEnd: a.termEnd,
      parties: parties.map((p) => ({ slug: p.slug, nameZh: p.nameZh, nameEn: p.nameEn })),
    },
    permissions: { mySlug: parties.find((p) => p.tenantId === ctx.tenantId)?.slug ?? '', canWrite: canWriteItems(ctx, a) },
    items,
    cells,
  };
}

/** Items with their milestones over the agreement's term, for a Gantt-like timeline. */
export async function agreementTimeline(ctx: ServiceCtx, agreementId: string): Promise<TimelineDto> {
  const a = await findVisibleAgreement(ctx, agreementId);
  const items = await listJointItems(ctx, agreementId);
  // by item (joint_milestone_item_idx), not by agreement: that index serves open milestones only
  const milestones = !items.length ? [] : await ctx.db
    .select({ id: jointMilestones.id, itemId: jointMilestones.itemId, title: jointMilestones.title, dueDate: jointMilestones.dueDate, status: jointMilestones.status })
    .from(jointMilestones)
    .where(and(eq(jointMilestones.tenantId, a.tenantId), inArray(jointMilestones.itemId, items.map((i) => i.id))))
    .orderBy(asc(jointMilestones.dueDate));
  const today = chinaDate(ctx.now);
  return {
    agreementId,
    termStart: a.termStart,
    termEnd: a.termEnd,
    today,
    items: items.map((i) => ({
      id: i.id,
      kind: i.kind as JointKind,
      title: i.title,
      status: i.status,
      phase: i.phase,
      startDate: i.startDate,
      endDate: i.endDate,
      percent: i.progress.percent,
      milestones: milestones
        .filter((m) => m.itemId === i.id)
        .map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate, status: m.status as MilestoneStatus, overdue: daysOverdue(m.dueDate, today, m.status) > 0 })),
    })),
  };
}
