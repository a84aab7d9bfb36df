import type { ActivityDto, ActivityType } from '@uc/contracts';
import { jointItemActivity, jointItems } from '@uc/db';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findParties } from '../agreements/agreement.repo.ts';
import { findJointItem } from './jointItem.repo.ts';
import { agreementOf, findVisibleAgreement } from './visible.ts';

// The activity feed of joint items: one row per change, in the agreement owner's tenant, read by
// every party (row-level security as for the items). Written in the same transaction as the change.

export interface ActivityEntry {
  agreement: { tenantId: string; id: string };
  itemId: string | null;
  milestoneId?: string | null;
  type: ActivityType;
  data?: Record<string, unknown>;
}

export async function recordActivity(ctx: ServiceCtx, e: ActivityEntry): Promise<void> {
  const system = ctx.actor.userId === null;
  await ctx.db.insert(jointItemActivity).values({
    tenantId: e.agreement.tenantId,
    agreementId: e.agreement.id,
    itemId: e.itemId,
    milestoneId: e.milestoneId ?? null,
    type: e.type,
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    // a job acts for nobody; a person acts for the federation of the request
    actorTenantId: system ? null : ctx.tenantId,
    data: e.data ?? {},
    at: ctx.now,
  });
}

/** Newest first, for an item or a whole agreement; `before` pages by the last entry seen. */
export async function listActivity(ctx: ServiceCtx, input: { itemId?: string | undefined; agreementId?: string | undefined; before?: string | undefined; limit: number }): Promise<ActivityDto[]> {
  const a = input.itemId ? await agreementOf(ctx, await findJointItem(ctx, input.itemId)) : await findVisibleAgreement(ctx, input.agreementId!);
  const t = jointItemActivity;
  const where: (SQL | undefined)[] = [eq(t.tenantId, a.tenantId), input.itemId ? eq(t.itemId, input.itemId) : eq(t.agreementId, a.id)];
  if (input.before) {
    const [cursor] = await ctx.db.select({ at: t.at, id: t.id }).from(t).where(and(eq(t.tenantId, a.tenantId), eq(t.id, input.before)));
    if (!cursor) throw new AppError('BAD_INPUT', { fields: { before: 'invalid_value' } });
    where.push(or(lt(t.at, cursor.at), and(eq(t.at, cursor.at), lt(t.id, cursor.id))));
  }
  const rows = await ctx.db
    .select({ row: t, itemTitle: jointItems.title })
    .from(t)
    .leftJoin(jointItems, and(eq(jointItems.tenantId, t.tenantId), eq(jointItems.id, t.itemId)))
    .where(and(...where))
    .orderBy(desc(t.at), desc(t.id))
    .limit(input.limit);
  const parties = await findParties(ctx, a);
  return rows.map(({ row, itemTitle }) => ({
    id: row.id,
    at: row.at.toISOString(),
    agreementId: row.agreementId,
    itemId: row.itemId,
    itemTitle: itemTitle ?? (typeof row.data.title === 'string' ? row.data.title : null),
    type: row.type as ActivityType,
    actorLabel: row.actorLabel,
    actorPartySlug: parties.find((p) => p.tenantId === row.actorTenantId)?.slug ?? null,
    data: row.data,
  }));
}
