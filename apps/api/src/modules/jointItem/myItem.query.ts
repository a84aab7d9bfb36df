import { MY_ITEM_REASONS, type MyItemDto } from '@uc/contracts';
import { agreements, jointItems, jointItemSides, jointMilestones, jointMilestoneSides } from '@uc/db';
import { and, eq, notInArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { byOwner, findItemStats, findPartiesOfAgreements, findSides, statsOf, toJointItemDto, type JointItemRow } from './jointItem.repo.ts';
import { attentionOrder } from './jointItem.rules.ts';

type Reason = (typeof MY_ITEM_REASONS)[number];

/**
 * The caller's items across every agreement of their federation: where they are the responsible
 * person of a side (on the lead side that makes them the item's lead) or own a milestone. Both
 * lookups start from the caller's own federation and user (joint_item_side_responsible_idx,
 * joint_milestone_side_owner_idx); row-level security keeps only agreements still shared with it.
 */
export async function myItems(ctx: ServiceCtx, input: { includeClosed: boolean; limit: number }): Promise<MyItemDto[]> {
  const me = ctx.actor.userId!;
  const reasons = new Map<string, Set<Reason>>();
  const keys = new Map<string, { tenantId: string; id: string }>();
  const add = (tenantId: string, id: string, r: Reason) => {
    keys.set(id, { tenantId, id });
    reasons.set(id, (reasons.get(id) ?? new Set()).add(r));
  };
  // independent reads are sent together (pipelined on the transaction's connection): three round trips, not six
  const [sides, owned] = await Promise.all([
    ctx.db
      .select({ tenantId: jointItemSides.tenantId, itemId: jointItemSides.itemId })
      .from(jointItemSides)
      .where(and(eq(jointItemSides.partyTenantId, ctx.tenantId), eq(jointItemSides.responsibleUserId, me))),
    ctx.db
      .selectDistinct({ tenantId: jointMilestones.tenantId, itemId: jointMilestones.itemId })
      .from(jointMilestoneSides)
      .innerJoin(jointMilestones, and(eq(jointMilestones.tenantId, jointMilestoneSides.tenantId), eq(jointMilestones.id, jointMilestoneSides.milestoneId)))
      .where(and(eq(jointMilestoneSides.partyTenantId, ctx.tenantId), eq(jointMilestoneSides.ownerUserId, me))),
  ]);
  for (const s of sides) add(s.tenantId, s.itemId, 'responsible');
  for (const o of owned) add(o.tenantId, o.itemId, 'milestone_owner');
  if (!keys.size) return [];

  const rows = await ctx.db
    .select({ item: jointItems, agreementTitle: agreements.title })
    .from(jointItems)
    .innerJoin(agreements, and(eq(agreements.tenantId, jointItems.tenantId), eq(agreements.id, jointItems.agreementId)))
    .where(and(byOwner(jointItems.tenantId, jointItems.id, [...keys.values()]), input.includeClosed ? undefined : notInArray(jointItems.status, ['done', 'cancelled'])));
  const items = rows.map((r) => r.item);
  const [allSides, stats, partiesOf] = await Promise.all([findSides(ctx, items), findItemStats(ctx, items, { awaitingMine: true }), findPartiesOfAgreements(ctx, uniqueAgreements(items))]);
  const out: MyItemDto[] = rows.map(({ item: i, agreementTitle }) => {
    const s = statsOf(stats, i.id);
    const why = reasons.get(i.id)!;
    // the responsible person of the lead federation's side is the item's lead
    if (why.has('responsible') && i.leadTenantId === ctx.tenantId) why.add('lead');
    const full = toJointItemDto(i, allSides, partiesOf.get(i.agreementId) ?? [], s);
    const lead = full.sides.find((x) => x.partySlug === full.leadSlug);
    return {
      id: full.id,
      agreementId: full.agreementId,
      kind: full.kind,
      title: full.title,
      leadSlug: full.leadSlug,
      leadNameZh: lead?.partyNameZh ?? full.leadSlug,
      leadNameEn: lead?.partyNameEn ?? full.leadSlug,
      status: full.status,
      progress: full.progress,
      health: full.health,
      overdueMilestones: full.overdueMilestones,
      nextDueDate: full.nextDueDate,
      agreementTitle,
      reasons: MY_ITEM_REASONS.filter((r) => why.has(r)),
      dueSoonMilestones: s.dueSoon,
      awaitingMyConfirmation: s.awaitingMine,
    };
  });
  return out.sort(attentionOrder).slice(0, input.limit);
}

function uniqueAgreements(items: JointItemRow[]): { tenantId: string; id: string }[] {
  const by = new Map(items.map((i) => [i.agreementId, { tenantId: i.tenantId, id: i.agreementId }]));
  return [...by.values()];
}
