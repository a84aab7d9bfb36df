import type { JointItemSource, JointItemStatus, JointKind } from '@uc/contracts';
import { jointItems, jointItemSides } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties, type AgreementRow, type PartyRow } from '../agreements/agreement.repo.ts';
import { recordActivity } from './activity.ts';
import type { JointItemRow } from './jointItem.repo.ts';

export interface NewJointItem {
  kind: JointKind;
  title: string;
  description: string;
  leadTenantId: string;
  startDate: string;
  endDate: string;
  source: JointItemSource;
  sourceRef: string | null;
}

type SideFields = { responsibleUserId?: string | null; responsibleName?: string; responsibleContact?: string };
export interface ItemExtras {
  /** the caller's own side, when they fill it in at once */
  ownSide?: SideFields | undefined;
  /** an import: the responsible persons of the plan, per party tenant id (a new item only; later each side edits its own) */
  planSides?: Map<string, SideFields>;
  status?: JointItemStatus;
}

/**
 * Inserts a joint item under the agreement (owner's tenant_id) with one side row per party, and
 * writes 'joint_item.created' to every party's audit log and to the item's activity. A person who
 * adds it (by hand, by a meeting decision, by import) is recorded; the system (plan activation) is not.
 * The caller has checked the input.
 */
export async function insertJointItem(ctx: ServiceCtx, a: AgreementRow, parties: PartyRow[], item: NewJointItem, extras: ItemExtras = {}): Promise<JointItemRow> {
  const person = item.source !== 'plan' && ctx.actor.userId !== null;
  const [row] = await ctx.db
    .insert(jointItems)
    .values({
      tenantId: a.tenantId,
      agreementId: a.id,
      ...item,
      status: extras.status ?? 'not_started',
      // a joint project starts at 立项; the other kinds have no phases
      phase: item.kind === 'project' ? 'initiation' : null,
      createdByTenantId: ctx.tenantId,
      createdByUserId: person ? ctx.actor.userId : null,
      createdByLabel: person ? ctx.actor.label : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await ctx.db.insert(jointItemSides).values(
    parties.map((p) => ({
      tenantId: a.tenantId,
      itemId: row!.id,
      agreementId: a.id,
      partyTenantId: p.tenantId,
      ...(extras.planSides?.get(p.tenantId) ?? {}),
      ...(p.tenantId === ctx.tenantId && extras.ownSide ? extras.ownSide : {}),
      updatedAt: ctx.now,
    })),
  );
  const lead = parties.find((p) => p.tenantId === item.leadTenantId)!;
  await auditToParties(ctx, parties, {
    type: 'joint_item.created',
    entityType: 'joint_item',
    entityId: row!.id,
    data: { agreementId: a.id, kind: item.kind, title: item.title, lead: lead.slug, source: item.source, sourceRef: item.sourceRef },
  });
  await recordActivity(ctx, { agreement: a, itemId: row!.id, type: 'item.created', data: { title: item.title, kind: item.kind, lead: lead.slug, source: item.source } });
  return row!;
}
