import { asTenantOf, placePools, placeShares } from '@uc/db';
import { and, asc, count, desc, eq, getTableColumns, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { ClaimColumns, ClaimHoldRow, ClaimTable, PlaceCtx, PoolRef } from './place.types.ts';

// SQL of claims, over any consumer's claim table through its ClaimColumns. A claim belongs to the
// member's home federation and names the pool's host; the host sees every claim on its pools, a
// home federation only its members' — so the waitlist is read as the host.

type Table = ClaimTable<PgTable>;

/** The consumer's values for the engine's columns, keyed as its Drizzle table names them (recuperation: beds for units). */
export function setOf(c: Table, values: Partial<Record<keyof ClaimColumns, unknown>>): Record<string, unknown> {
  const keys = new Map(Object.entries(getTableColumns(c.table)).map(([key, col]) => [col, key]));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const column = c.columns[name as keyof ClaimColumns];
    if (!column) continue;
    out[keys.get(column as never)!] = value;
  }
  return out;
}

/** The engine's fields of a claim, read beside the consumer's row. */
const holdFields = (c: Table) => ({
  id: c.columns.id,
  tenantId: c.columns.tenantId,
  status: c.columns.status,
  rowVersion: c.columns.rowVersion,
  units: c.columns.units,
  onShare: c.columns.onShare ?? sql<boolean>`false`,
  quotaId: c.columns.quotaId,
  allocationId: c.columns.allocationId,
  quotaPlaces: c.columns.quotaPlaces,
});

const inStatuses = (c: Table, statuses: readonly string[]) => inArray(c.columns.status, [...statuses]);
const onPool = (c: Table, r: PoolRef) => and(eq(c.columns.hostTenantId, r.hostTenantId), eq(c.columns.poolId, r.poolId));
const byId = (c: Table, tenantId: string, id: string) => and(eq(c.columns.tenantId, tenantId), eq(c.columns.id, id));

/** A member's claim by idempotency key, else their active claim on the pool: what a repeated request returns. */
export async function findByKeyOrActive<Row>(ctx: PlaceCtx, c: Table, q: { memberId: string; poolId: string; idempotencyKey: string; active: readonly string[] }): Promise<Row | undefined> {
  const k = c.columns;
  const [row] = await ctx.db
    .select()
    .from(c.table)
    .where(
      and(
        eq(k.tenantId, ctx.tenantId),
        eq(k.memberId, q.memberId),
        sql`(${k.idempotencyKey} = ${q.idempotencyKey} or (${k.poolId} = ${q.poolId} and ${inStatuses(c, q.active)}))`,
      ),
    )
    .orderBy(sql`${k.idempotencyKey} = ${q.idempotencyKey} desc`)
    .limit(1);
  return row as Row | undefined;
}

/** One claim by id under its row lock (the caller's tenant context decides whether it is visible). */
/** Which of these members of the caller's federation already hold an active claim on the pool (an import checks its rows against them). */
export async function findMembersClaiming(ctx: PlaceCtx, c: Table, poolId: string, memberIds: readonly string[], active: readonly string[]): Promise<Set<string>> {
  if (!memberIds.length) return new Set();
  const rows = await ctx.db
    .select({ memberId: c.columns.memberId })
    .from(c.table)
    .where(and(eq(c.columns.tenantId, ctx.tenantId), eq(c.columns.poolId, poolId), inStatuses(c, active), inArray(c.columns.memberId, [...memberIds])));
  return new Set(rows.map((r) => r.memberId as string));
}

export async function lockClaim<Row>(ctx: PlaceCtx, c: Table, tenantId: string, id: string): Promise<Row | undefined> {
  const [row] = await ctx.db.select().from(c.table).where(byId(c, tenantId, id)).for('update');
  return row as Row | undefined;
}

/** Sets a claim's status (and the engine's columns given), bumping its row version. */
export async function updateClaim<Row>(ctx: PlaceCtx, c: Table, claim: Pick<ClaimHoldRow, 'tenantId' | 'id' | 'rowVersion'>, set: Partial<Record<keyof ClaimColumns, unknown>>): Promise<Row> {
  const [row] = await ctx.db
    .update(c.table)
    .set(setOf(c, { ...set, rowVersion: claim.rowVersion + 1, updatedAt: ctx.now }) as never)
    .where(byId(c, claim.tenantId, claim.id))
    .returning();
  return row as Row;
}

/** The pool's waiting claims in their order (rank, time, id), locked, as the host: the consumer's row and the engine's fields. */
export async function lockWaitingInOrder<Row>(ctx: PlaceCtx, c: Table, r: PoolRef, limit: number): Promise<{ row: Row; hold: ClaimHoldRow }[]> {
  const k = c.columns;
  const rows = await ctx.db
    .select({ row: c.table as never, hold: holdFields(c) })
    .from(c.table)
    .where(and(onPool(c, r), eq(k.status, 'waitlisted')))
    .orderBy(asc(k.priorityRank), asc(k.requestedAt), asc(k.id))
    .limit(limit)
    .for('update');
  return rows as unknown as { row: Row; hold: ClaimHoldRow }[];
}

/** 1-based place of a waiting claim: claims ahead of it in (rank, time, id), counted as the host. */
export async function countWaitingAhead(ctx: PlaceCtx, c: Table, r: PoolRef, claim: { id: string; priorityRank: number; requestedAt: Date }): Promise<number> {
  const k = c.columns;
  const read = () =>
    ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(c.table)
      .where(
        and(
          onPool(c, r),
          eq(k.status, 'waitlisted'),
          sql`(${k.priorityRank}, ${k.requestedAt}, ${k.id}) < (${claim.priorityRank}, ${claim.requestedAt.toISOString()}::timestamptz, ${claim.id}::uuid)`,
        ),
      );
  const [row] = await asTenantOf(ctx.db, ctx.tenantId, r.hostTenantId, read);
  return (row?.n ?? 0) + 1;
}

/** Places of every waiting claim of a pool, by claim id, read as the host. */
export async function rankWaiting(ctx: PlaceCtx, c: Table, r: PoolRef): Promise<Map<string, number>> {
  const k = c.columns;
  const read = () =>
    ctx.db
      .select({ id: k.id, n: sql<number>`row_number() over (order by ${k.priorityRank}, ${k.requestedAt}, ${k.id})::int` })
      .from(c.table)
      .where(and(onPool(c, r), eq(k.status, 'waitlisted')));
  const rows = (await asTenantOf(ctx.db, ctx.tenantId, r.hostTenantId, read)) as { id: string; n: number }[];
  return new Map(rows.map((x) => [x.id, x.n]));
}

/** How many wait on each of a host's pools (as the host). */
export async function countWaitingByPool(ctx: PlaceCtx, c: Table, hostTenantId: string, poolIds: string[]): Promise<Map<string, number>> {
  if (!poolIds.length) return new Map();
  const k = c.columns;
  const read = () =>
    ctx.db
      .select({ poolId: k.poolId, n: count() })
      .from(c.table)
      .where(and(eq(k.hostTenantId, hostTenantId), inArray(k.poolId, poolIds), eq(k.status, 'waitlisted')))
      .groupBy(k.poolId);
  const rows = (await asTenantOf(ctx.db, ctx.tenantId, hostTenantId, read)) as { poolId: string; n: number }[];
  return new Map(rows.map((x) => [x.poolId, x.n]));
}

/** The holds of a pool's claims in the given statuses (as the host), newest first. */
export async function findHoldsOnPool(ctx: PlaceCtx, c: Table, r: PoolRef, statuses: readonly string[]): Promise<ClaimHoldRow[]> {
  const k = c.columns;
  const rows = await ctx.db
    .select(holdFields(c))
    .from(c.table)
    .where(and(onPool(c, r), inStatuses(c, statuses)))
    .orderBy(desc(k.requestedAt));
  return rows as ClaimHoldRow[];
}

/** Ids of the host's claims whose offer has lapsed. */
export async function findLapsedOffers(ctx: PlaceCtx, c: Table, hostTenantId: string): Promise<string[]> {
  const k = c.columns;
  const rows = await ctx.db
    .select({ id: k.id })
    .from(c.table)
    .where(and(eq(k.hostTenantId, hostTenantId), eq(k.status, 'offered'), isNotNull(k.offerExpiresAt), lte(k.offerExpiresAt, ctx.now)));
  return (rows as { id: string }[]).map((r) => r.id);
}

/**
 * The host's open pools of the kind that someone waits on and that have a unit free, on the pool
 * or on a share (before the release), while offers may still be made.
 */
export async function findPoolsToFill(ctx: PlaceCtx, c: Table, kind: string, hostTenantId: string): Promise<string[]> {
  const k = c.columns;
  const free: SQL = sql`(${placePools.taken} + ${placePools.shared} < ${placePools.capacity}
    or (${placePools.releasedAt} is null and exists (select 1 from ${placeShares} s where s.tenant_id = ${placePools.tenantId} and s.pool_id = ${placePools.id} and s.taken < s.units)))`;
  const rows = await ctx.db
    .selectDistinct({ id: placePools.id })
    .from(placePools)
    .innerJoin(c.table, and(eq(k.hostTenantId, placePools.tenantId), eq(k.poolId, placePools.id)))
    .where(
      and(
        eq(placePools.tenantId, hostTenantId),
        eq(placePools.kind, kind),
        eq(placePools.status, 'open'),
        sql`(${placePools.offerUntil} is null or ${placePools.offerUntil} > ${ctx.now.toISOString()}::timestamptz)`,
        free,
        eq(k.status, 'waitlisted'),
      ),
    );
  return rows.map((r) => r.id);
}

/** Ids of active claims left on the host's cancelled pools of the kind. */
export async function findActiveOnCancelledPools(ctx: PlaceCtx, c: Table, kind: string, hostTenantId: string, active: readonly string[]): Promise<string[]> {
  const k = c.columns;
  const rows = await ctx.db
    .select({ id: k.id })
    .from(c.table)
    .innerJoin(placePools, and(eq(placePools.tenantId, k.hostTenantId), eq(placePools.id, k.poolId)))
    .where(and(eq(placePools.tenantId, hostTenantId), eq(placePools.kind, kind), eq(placePools.status, 'cancelled'), inStatuses(c, active)));
  return (rows as { id: string }[]).map((r) => r.id);
}
