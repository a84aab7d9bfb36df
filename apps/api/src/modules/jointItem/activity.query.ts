import type { ActivityDto, ActivityType } from '@uc/contracts';
import { jointItemActivity, jointItems } from '@uc/db';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { agreementOf, findParties, findVisibleAgreement } from '../agreement/index.ts';
import { findJointItem } from './jointItem.repo.ts';
import { loadPeople } from '../person/index.ts';

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
  const people = await loadPeople(ctx, rows.map(({ row }) => row.actorUserId), parties.map((p) => p.tenantId));
  return rows.map(({ row, itemTitle }) => ({
    id: row.id,
    at: row.at.toISOString(),
    agreementId: row.agreementId,
    itemId: row.itemId,
    itemTitle: itemTitle ?? (typeof row.data.title === 'string' ? row.data.title : null),
    type: row.type as ActivityType,
    actor: people.person(row.actorUserId, row.actorTenantId),
    actorPartySlug: parties.find((p) => p.tenantId === row.actorTenantId)?.slug ?? null,
    data: row.data,
  }));
}
