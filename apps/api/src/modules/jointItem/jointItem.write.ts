import { STAFF_ROLES, type JointItemDto, type JointItemSource, type JointItemStatus, type JointKind, type ProjectPhase } from '@uc/contracts';
import { jointItems, jointItemSides, jointMilestones, memberships } from '@uc/db';
import { and, arrayOverlaps, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { type AgreementRow, assertCanWrite, auditToParties, findParties, findVisibleAgreement, type PartyRow } from '../agreement/index.ts';
import { recordActivity } from './activity.write.ts';
import { assertLeadFederation, assertOwnSide, assertRowVersion, ITEM_STATES, ITEM_WRITERS, itemForWrite } from './jointItem.access.ts';
import { getJointItem } from './jointItem.query.ts';
import { findSides, type JointItemRow } from './jointItem.repo.ts';
import { assertStatusMove } from './jointItem.rules.ts';

const dateOrder = (start: string, end: string) => {
  if (start > end) throw new AppError('BAD_INPUT', { fields: { endDate: 'term_order' } });
};

/** Added by hand by a lead (or admin) of either party; the other side sees who added it. */
export async function createJointItem(
  ctx: ServiceCtx,
  input: { agreementId: string; kind: JointKind; title: string; description: string; leadSlug: string; startDate: string; endDate: string; ownSide?: { responsibleUserId: string | null; responsibleName: string; responsibleContact: string } | undefined },
): Promise<JointItemDto> {
  const a = await findVisibleAgreement(ctx, input.agreementId);
  assertCanWrite(ctx, a, ITEM_STATES, ITEM_WRITERS);
  const parties = await findParties(ctx, a);
  const lead = parties.find((p) => p.slug === input.leadSlug);
  if (!lead) throw new AppError('BAD_INPUT', { fields: { leadSlug: 'invalid_value' } });
  dateOrder(input.startDate, input.endDate);
  if (input.ownSide?.responsibleUserId) await assertStaffOf(ctx, input.ownSide.responsibleUserId);
  const row = await insertJointItem(
    ctx,
    a,
    parties,
    { kind: input.kind, title: input.title, description: input.description, leadTenantId: lead.tenantId, startDate: input.startDate, endDate: input.endDate, source: 'manual', sourceRef: null },
    { ownSide: input.ownSide },
  );
  return getJointItem(ctx, row.id);
}

/**
 * The item's core fields, by the lead federation only. The row is locked and its version checked,
 * so of two concurrent edits made on the same version the second is refused (STALE_VERSION),
 * never silently overwritten.
 */
export async function updateJointItem(
  ctx: ServiceCtx,
  input: { id: string; rowVersion: number; title?: string | undefined; description?: string | undefined; startDate?: string | undefined; endDate?: string | undefined; phase?: ProjectPhase | undefined },
): Promise<JointItemDto> {
  const { item, agreement, parties } = await itemForWrite(ctx, input.id, { forUpdate: true });
  assertLeadFederation(ctx, item);
  assertRowVersion(item.rowVersion, input.rowVersion);
  if (input.phase !== undefined && item.kind !== 'project') throw new AppError('BAD_INPUT', { fields: { phase: 'invalid_value' } });
  const next = {
    title: input.title ?? item.title,
    description: input.description ?? item.description,
    startDate: input.startDate ?? item.startDate,
    endDate: input.endDate ?? item.endDate,
    phase: input.phase ?? item.phase,
  };
  dateOrder(next.startDate, next.endDate);
  const changes = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== item[k]);
  if (!changes.length) return getJointItem(ctx, item.id);
  await ctx.db
    .update(jointItems)
    .set({ ...next, rowVersion: item.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(jointItems.tenantId, item.tenantId), eq(jointItems.id, item.id)));
  const diff = Object.fromEntries(changes.filter((k) => k !== 'description').map((k) => [k, { from: item[k], to: next[k] }]));
  await auditToParties(ctx, parties, { type: 'joint_item.updated', entityType: 'joint_item', entityId: item.id, data: { agreementId: agreement.id, changes } });
  await recordActivity(ctx, { agreement, itemId: item.id, type: 'item.updated', data: { changes, ...diff } });
  return getJointItem(ctx, item.id);
}

/** A status move by the lead federation, with the rules of jointItem.rules (reason, milestones confirmed before done). */
export async function setJointItemStatus(ctx: ServiceCtx, input: { id: string; rowVersion: number; status: JointItemStatus; reason: string }): Promise<JointItemDto> {
  const { item, agreement, parties } = await itemForWrite(ctx, input.id, { forUpdate: true });
  assertLeadFederation(ctx, item);
  assertRowVersion(item.rowVersion, input.rowVersion);
  const from = item.status as JointItemStatus;
  const [open] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(jointMilestones)
    .where(and(eq(jointMilestones.tenantId, item.tenantId), eq(jointMilestones.itemId, item.id), eq(jointMilestones.status, 'open')));
  assertStatusMove(from, input.status, input.reason, open!.n);
  await recordStatusMove(ctx, { item, agreement, parties }, input.status, input.reason.trim());
  return getJointItem(ctx, item.id);
}

/** Writes a status move already allowed: the row (its version moves on), both parties' audit, the item's activity. */
export async function recordStatusMove(
  ctx: ServiceCtx,
  { item, agreement, parties }: { item: JointItemRow; agreement: AgreementRow; parties: PartyRow[] },
  status: JointItemStatus,
  reason: string,
): Promise<void> {
  const from = item.status as JointItemStatus;
  await ctx.db
    .update(jointItems)
    .set({ status, statusReason: reason, rowVersion: item.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(jointItems.tenantId, item.tenantId), eq(jointItems.id, item.id)));
  const data = { agreementId: agreement.id, from, to: status, reason };
  await auditToParties(ctx, parties, { type: 'joint_item.status_changed', entityType: 'joint_item', entityId: item.id, data });
  await recordActivity(ctx, { agreement, itemId: item.id, type: 'item.status_changed', data: { from, to: status, reason } });
}

/**
 * The caller's own side (responsible person). Another side is FORBIDDEN here, and the database's
 * restrictive policy joint_item_side_own_side would refuse the write anyway. The item's version
 * moves on, so a form prepared before the change is refused as stale.
 */
export async function updateJointItemSide(
  ctx: ServiceCtx,
  input: { id: string; rowVersion: number; partySlug: string; responsibleUserId: string | null; responsibleName: string; responsibleContact: string },
): Promise<JointItemDto> {
  const { item, agreement, parties } = await itemForWrite(ctx, input.id, { forUpdate: true });
  const party = assertOwnSide(ctx, parties, input.partySlug);
  assertRowVersion(item.rowVersion, input.rowVersion);
  const side = (await findSides(ctx, [item])).find((s) => s.partyTenantId === party.tenantId);
  const next = { responsibleUserId: input.responsibleUserId, responsibleName: input.responsibleName, responsibleContact: input.responsibleContact };
  const changes = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== (side?.[k] ?? null));
  if (!changes.length) return getJointItem(ctx, item.id);
  if (input.responsibleUserId) await assertStaffOf(ctx, input.responsibleUserId);
  await ctx.db
    .update(jointItemSides)
    .set({ ...next, updatedAt: ctx.now })
    .where(and(eq(jointItemSides.tenantId, item.tenantId), eq(jointItemSides.itemId, item.id), eq(jointItemSides.partyTenantId, party.tenantId)));
  await ctx.db
    .update(jointItems)
    .set({ rowVersion: item.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(jointItems.tenantId, item.tenantId), eq(jointItems.id, item.id)));
  await auditToParties(ctx, parties, { type: 'joint_item.side_updated', entityType: 'joint_item', entityId: item.id, data: { agreementId: agreement.id, party: party.slug, changes } });
  await recordActivity(ctx, { agreement, itemId: item.id, type: 'item.side_updated', data: { party: party.slug, changes, responsibleName: input.responsibleName } });
  return getJointItem(ctx, item.id);
}

/**
 * A responsible person or owner named by user id must be active staff of the caller's federation
 * (the side it is named for). Anyone else — another federation's user, a member account, an id
 * that names nobody — is NOT_FOUND: no oracle for who exists elsewhere, and never a 500.
 */
export async function assertStaffOf(ctx: ServiceCtx, userId: string): Promise<void> {
  const [row] = await ctx.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId), eq(memberships.status, 'active'), arrayOverlaps(memberships.roles, [...STAFF_ROLES])));
  if (!row) throw new AppError('NOT_FOUND', { fields: { responsibleUserId: 'invalid_value' } });
}

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
