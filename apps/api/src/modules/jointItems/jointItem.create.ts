import type { JointItemSource, JointKind } from '@uc/contracts';
import { jointItems, jointItemSides } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import { auditToParties, type AgreementRow, type PartyRow } from '../agreements/agreement.repo.ts';
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

/**
 * Inserts a joint item under the agreement (owner's tenant_id) with one side row per party,
 * and writes 'joint_item.created' to every party's audit log. The caller has checked the input.
 */
export async function insertJointItem(ctx: ServiceCtx, a: AgreementRow, parties: PartyRow[], item: NewJointItem): Promise<JointItemRow> {
  const [row] = await ctx.db
    .insert(jointItems)
    .values({
      tenantId: a.tenantId,
      agreementId: a.id,
      ...item,
      status: 'not_started',
      // a joint project starts at 立项; the other kinds have no phases
      phase: item.kind === 'project' ? 'initiation' : null,
      createdByTenantId: ctx.tenantId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .returning();
  await ctx.db.insert(jointItemSides).values(
    parties.map((p) => ({ tenantId: a.tenantId, itemId: row!.id, agreementId: a.id, partyTenantId: p.tenantId, updatedAt: ctx.now })),
  );
  const lead = parties.find((p) => p.tenantId === item.leadTenantId)!;
  await auditToParties(ctx, parties, {
    type: 'joint_item.created',
    entityType: 'joint_item',
    entityId: row!.id,
    data: { agreementId: a.id, kind: item.kind, title: item.title, lead: lead.slug, source: item.source, sourceRef: item.sourceRef },
  });
  return row!;
}
