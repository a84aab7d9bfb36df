import { JOINT_KINDS, type JointItemDto, type JointItemSource, type JointItemStatus, type JointKind, type ProjectPhase } from '@uc/contracts';
import { jointItems, jointItemSides } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import type { PartyRow } from '../agreements/agreement.repo.ts';

export type JointItemRow = typeof jointItems.$inferSelect;
export type JointItemSideRow = typeof jointItemSides.$inferSelect;

/** The item if the caller's federation is a party to its agreement (row-level security decides); NOT_FOUND otherwise. */
export async function findJointItem(ctx: ServiceCtx, id: string): Promise<JointItemRow> {
  const [row] = await ctx.db.select().from(jointItems).where(eq(jointItems.id, id));
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function findItemsOfAgreement(ctx: ServiceCtx, agreement: { tenantId: string; id: string }): Promise<JointItemRow[]> {
  return ctx.db
    .select()
    .from(jointItems)
    .where(and(eq(jointItems.tenantId, agreement.tenantId), eq(jointItems.agreementId, agreement.id)));
}

export async function findSides(ctx: ServiceCtx, items: JointItemRow[]): Promise<JointItemSideRow[]> {
  if (!items.length) return [];
  return ctx.db
    .select()
    .from(jointItemSides)
    .where(and(eq(jointItemSides.tenantId, items[0]!.tenantId), inArray(jointItemSides.itemId, items.map((i) => i.id))));
}

/** Work-plan order: the five commons in their fixed order, then by start date. */
export function byPlanOrder(a: JointItemRow, b: JointItemRow): number {
  const k = JOINT_KINDS.indexOf(a.kind as JointKind) - JOINT_KINDS.indexOf(b.kind as JointKind);
  if (k) return k;
  if (a.startDate !== b.startDate) return a.startDate < b.startDate ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime();
}

export function toJointItemDto(item: JointItemRow, sides: JointItemSideRow[], parties: PartyRow[]): JointItemDto {
  const party = (tenantId: string) => parties.find((p) => p.tenantId === tenantId);
  return {
    id: item.id,
    agreementId: item.agreementId,
    kind: item.kind as JointKind,
    title: item.title,
    description: item.description,
    leadSlug: party(item.leadTenantId)?.slug ?? '',
    startDate: item.startDate,
    endDate: item.endDate,
    status: item.status as JointItemStatus,
    phase: item.phase as ProjectPhase | null,
    source: item.source as JointItemSource,
    sourceRef: item.sourceRef,
    createdBySlug: party(item.createdByTenantId)?.slug ?? '',
    // one side per party, in party order
    sides: parties.flatMap((p) => {
      const s = sides.find((x) => x.itemId === item.id && x.partyTenantId === p.tenantId);
      if (!s) return [];
      return [
        {
          partySlug: p.slug,
          partyNameZh: p.nameZh,
          partyNameEn: p.nameEn,
          responsibleUserId: s.responsibleUserId,
          responsibleName: s.responsibleName,
          responsibleContact: s.responsibleContact,
        },
      ];
    }),
    rowVersion: item.rowVersion,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
