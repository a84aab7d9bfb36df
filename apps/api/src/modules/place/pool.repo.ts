import { asTenantOf, placePools, placeShares, rowsOf } from '@uc/db';
import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import type { PlaceCtx, PoolRef, PoolRow, PoolStatus, ShareRow } from './place.types.ts';

// SQL of pools and shares. Every counter moves by one conditional UPDATE whose WHERE repeats the
// limit; the CHECKs (place_pool_units_ck, place_share_units_ck) hold regardless. A pool and its
// shares belong to the host: a claimant's transaction writes them as the host for that one
// statement (asTenantOf: switch, statement, switch back, pipelined in one round trip).
// Lock order: pool row, then share rows.

const poolKey = (r: PoolRef) => and(eq(placePools.tenantId, r.hostTenantId), eq(placePools.id, r.poolId));
const sharesOf = (r: PoolRef) => and(eq(placeShares.tenantId, r.hostTenantId), eq(placeShares.poolId, r.poolId));
const asHost = <T>(ctx: PlaceCtx, r: PoolRef, statement: () => PromiseLike<T>) => asTenantOf(ctx.db, ctx.tenantId, r.hostTenantId, statement);

export async function insertPool(
  ctx: PlaceCtx,
  values: { id?: string; kind: string; capacity: number; shared?: number; status?: PoolStatus; releaseAt?: Date | null; offerUntil?: Date | null },
): Promise<PoolRow> {
  const [row] = await ctx.db
    .insert(placePools)
    .values({ tenantId: ctx.tenantId, ...values, updatedAt: ctx.now })
    .returning();
  return row!;
}

export async function insertShares(ctx: PlaceCtx, poolId: string, shares: { partyTenantId: string; units: number }[]): Promise<void> {
  const rows = shares.filter((s) => s.units > 0).map((s) => ({ tenantId: ctx.tenantId, poolId, ...s, updatedAt: ctx.now }));
  if (rows.length) await ctx.db.insert(placeShares).values(rows);
}

/** The pool as the caller may see it (the host, or a partner under an active agreement), without a lock. */
export async function findPoolById(ctx: PlaceCtx, r: PoolRef): Promise<PoolRow | undefined> {
  const [row] = await ctx.db.select().from(placePools).where(poolKey(r));
  return row;
}

/** The pool under its row lock (as the host: ctx.tenantId must be the host). */
export async function lockPool(ctx: PlaceCtx, r: PoolRef): Promise<PoolRow | undefined> {
  const [row] = await ctx.db.select().from(placePools).where(poolKey(r)).for('update');
  return row;
}

export async function findSharesByPool(ctx: PlaceCtx, r: PoolRef): Promise<ShareRow[]> {
  return ctx.db.select().from(placeShares).where(sharesOf(r)).orderBy(asc(placeShares.partyTenantId));
}

/** Takes `units` from the pool itself if they are free and the pool is open: one conditional UPDATE as the host. */
export async function takeFromPool(ctx: PlaceCtx, r: PoolRef, units: number): Promise<boolean> {
  const update = () =>
    ctx.db
      .update(placePools)
      .set({ taken: sql`${placePools.taken} + ${units}` })
      .where(and(poolKey(r), eq(placePools.status, 'open'), sql`${placePools.taken} + ${placePools.shared} + ${units} <= ${placePools.capacity}`))
      .returning({ id: placePools.id });
  return (await asHost(ctx, r, update)).length === 1;
}

/**
 * Takes `units` from the party's share, while the pool is open and not yet released: one
 * statement as the host. The pool row is locked FOR KEY SHARE first and read as it is then:
 * claims on shares do not queue on each other there, nor on a claim's UPDATE of the pool (a
 * no-key update, which this lock does not conflict with, so a claim that ends up on the pool
 * never waits for a lock it must upgrade); a release, a cancellation or a change of the shares
 * locks the row FOR UPDATE and so waits for them, and they for it. 'none': the party has no share; 'released': the shares were released meanwhile
 * — either way its claims draw on the pool.
 */
export async function takeFromShare(ctx: PlaceCtx, r: PoolRef, partyTenantId: string, units: number): Promise<'taken' | 'full' | 'none' | 'released'> {
  const statement = () =>
    ctx.db.execute(sql`
      with p as (
        select status = 'open' and released_at is null as open, released_at is not null as released
        from ${placePools} where tenant_id = ${r.hostTenantId} and id = ${r.poolId} for key share),
      s as (
        update ${placeShares} set taken = taken + ${units}
        where tenant_id = ${r.hostTenantId} and pool_id = ${r.poolId} and party_tenant_id = ${partyTenantId}
          and taken + ${units} <= units and (select open from p)
        returning 1)
      select (select count(*) from s)::int as took, coalesce((select released from p), false) as released,
        exists (select 1 from ${placeShares} where tenant_id = ${r.hostTenantId} and pool_id = ${r.poolId} and party_tenant_id = ${partyTenantId}) as has_share`);
  const [row] = rowsOf<{ took: number; released: boolean; has_share: boolean }>(await asHost(ctx, r, statement));
  if (row!.took) return 'taken';
  if (!row!.has_share) return 'none';
  return row!.released ? 'released' : 'full';
}

/** Takes `units` from the pool without a condition: the caller holds the pool's lock and checked the room (the CHECK still holds). */
export async function takeFromLockedPool(ctx: PlaceCtx, r: PoolRef, units: number): Promise<void> {
  await asHost(ctx, r, () => ctx.db.update(placePools).set({ taken: sql`${placePools.taken} + ${units}` }).where(poolKey(r)));
}

/** The same for a share (the caller holds the pool's lock). */
export async function takeFromLockedShare(ctx: PlaceCtx, r: PoolRef, partyTenantId: string, units: number): Promise<void> {
  await asHost(ctx, r, () =>
    ctx.db
      .update(placeShares)
      .set({ taken: sql`${placeShares.taken} + ${units}` })
      .where(and(sharesOf(r), eq(placeShares.partyTenantId, partyTenantId))),
  );
}

/** Gives units back to the pool itself. */
export async function returnToPool(ctx: PlaceCtx, r: PoolRef, units: number): Promise<void> {
  await asHost(ctx, r, () => ctx.db.update(placePools).set({ taken: sql`${placePools.taken} - ${units}` }).where(poolKey(r)));
}

/**
 * Gives units back to the party's share, in one statement as the host. Before the release they
 * stay the party's; after it the share shrinks with them and they go back to the pool for
 * anyone. The pool row is locked first, as a release locks it before the shares.
 */
export async function returnToShare(ctx: PlaceCtx, r: PoolRef, partyTenantId: string, units: number): Promise<void> {
  await asHost(ctx, r, () =>
    ctx.db.execute(sql`
      with p as (
        select released_at is not null as released from ${placePools} where tenant_id = ${r.hostTenantId} and id = ${r.poolId} for update),
      s as (
        update ${placeShares} set taken = taken - ${units}, units = units - case when (select released from p) then ${units} else 0 end
        where tenant_id = ${r.hostTenantId} and pool_id = ${r.poolId} and party_tenant_id = ${partyTenantId}
        returning 1)
      update ${placePools} set shared = shared - ${units}
      where tenant_id = ${r.hostTenantId} and id = ${r.poolId} and (select released from p) and exists (select 1 from s)`),
  );
}

/** New capacity and status of a locked pool (the caller checked the capacity fits). */
export async function updatePool(ctx: PlaceCtx, r: PoolRef, set: { capacity?: number; status?: PoolStatus; offerUntil?: Date | null; releaseAt?: Date | null; shared?: number }): Promise<PoolRow> {
  const [row] = await ctx.db
    .update(placePools)
    .set({ ...set, updatedAt: ctx.now })
    .where(poolKey(r))
    .returning();
  return row!;
}

/** Writes the planned shares of a locked pool: upsert each, drop empty ones. */
export async function writeShares(ctx: PlaceCtx, r: PoolRef, shares: { partyTenantId: string; units: number }[]): Promise<void> {
  for (const s of shares) {
    await ctx.db
      .insert(placeShares)
      .values({ tenantId: r.hostTenantId, poolId: r.poolId, partyTenantId: s.partyTenantId, units: s.units, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: [placeShares.tenantId, placeShares.poolId, placeShares.partyTenantId], set: { units: s.units, updatedAt: ctx.now } });
  }
  await ctx.db.delete(placeShares).where(and(sharesOf(r), eq(placeShares.units, 0), eq(placeShares.taken, 0)));
}

/** The host's pools whose shares are due to be released (release_at passed, not yet released). */
export async function findPoolsDueForRelease(ctx: PlaceCtx, hostTenantId: string, kind: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: placePools.id })
    .from(placePools)
    .where(and(eq(placePools.tenantId, hostTenantId), eq(placePools.kind, kind), isNull(placePools.releasedAt), isNotNull(placePools.releaseAt), lte(placePools.releaseAt, ctx.now)));
  return rows.map((r) => r.id);
}

/**
 * Releases the pool's shares, exactly once whoever runs it: under the pool's row lock, the
 * conditional UPDATE marks it released (a second worker finds it released and gets no row); then
 * every share shrinks to what it holds and the pool takes the rest back. Returns whether this
 * call released it.
 */
export async function releaseShares(ctx: PlaceCtx, r: PoolRef): Promise<boolean> {
  // FOR UPDATE first: a plain UPDATE would not wait for the claims on shares in flight (FOR KEY SHARE)
  await lockPool(ctx, r);
  const [marked] = await ctx.db
    .update(placePools)
    .set({ releasedAt: ctx.now, updatedAt: ctx.now })
    .where(and(poolKey(r), isNull(placePools.releasedAt), isNotNull(placePools.releaseAt), lte(placePools.releaseAt, ctx.now)))
    .returning({ id: placePools.id });
  if (!marked) return false;
  await ctx.db.execute(sql`
    with s as (
      update ${placeShares} set units = taken, updated_at = ${ctx.now.toISOString()}::timestamptz
      where tenant_id = ${r.hostTenantId} and pool_id = ${r.poolId} returning units)
    update ${placePools} set shared = (select coalesce(sum(units), 0) from s)::int
    where tenant_id = ${r.hostTenantId} and id = ${r.poolId}`);
  return true;
}
