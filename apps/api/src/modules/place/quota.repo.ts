import { orgUnits, placeAllocations, placeQuotas, rowsOf } from '@uc/db';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { AllocationRow, PlaceCtx, QuotaHold, QuotaRow } from './place.types.ts';

// SQL of the quota ledger: a line per (kind, agreement, host → receiver, year) and the receiver's
// allocations down its org tree. Every move is one conditional UPDATE whose WHERE repeats the
// limit, so two transactions can never both take the last place (the second waits for the
// first's row lock, re-reads, and finds nothing); the CHECK constraints hold it regardless.
// Lock order: quota row, then allocation row. Run in the receiver's tenant context.

type Ctx = Pick<PlaceCtx, 'db' | 'now'>;

export interface QuotaKey {
  kind: string;
  receiverTenantId: string;
  hostTenantId: string;
  agreementTenantId: string;
  agreementId: string;
  year: number;
  /** the agreement's figure, for a line opened now */
  granted: number;
}

/** The ledger line for the key, opened with the agreement's figure on first use. */
export async function ensureQuota(ctx: Ctx, k: QuotaKey): Promise<string> {
  const [created] = await ctx.db
    .insert(placeQuotas)
    .values({ tenantId: k.receiverTenantId, kind: k.kind, hostTenantId: k.hostTenantId, agreementTenantId: k.agreementTenantId, agreementId: k.agreementId, year: k.year, granted: k.granted })
    .onConflictDoNothing()
    .returning({ id: placeQuotas.id });
  if (created) return created.id;
  const [row] = await ctx.db
    .select({ id: placeQuotas.id })
    .from(placeQuotas)
    .where(
      and(
        eq(placeQuotas.tenantId, k.receiverTenantId),
        eq(placeQuotas.kind, k.kind),
        eq(placeQuotas.agreementId, k.agreementId),
        eq(placeQuotas.hostTenantId, k.hostTenantId),
        eq(placeQuotas.year, k.year),
      ),
    );
  return row!.id;
}

/** The nearest org unit up the tree from `orgUnitId` (0 = itself) and its ids, as a CTE body. */
const unitsUp = (receiverTenantId: string, orgUnitId: string) => sql`
  with recursive up(id, parent_id, depth) as (
    select id, parent_id, 0 from org_unit where tenant_id = ${receiverTenantId} and id = ${orgUnitId}
    union all
    select u.id, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.parent_id where u.tenant_id = ${receiverTenantId} and up.depth < 20
  )`;

/** The allocation a member of `orgUnitId` draws on: the nearest unit up the tree with one; null: the ledger's pool. */
export async function findAllocationForUnit(ctx: Ctx, receiverTenantId: string, quotaId: string, orgUnitId: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`${unitsUp(receiverTenantId, orgUnitId)}
      select a.id from up join ${placeAllocations} a on a.tenant_id = ${receiverTenantId} and a.quota_id = ${quotaId} and a.org_unit_id = up.id
      where a.places > 0
      order by up.depth limit 1`),
  );
  return row?.id ?? null;
}

/**
 * The ledger line for the key with the allocation a member of `orgUnitId` draws on and the places
 * left there — one statement, read without a lock: what the member is told before booking.
 * null: no line opened yet.
 */
export async function findQuotaForUnit(
  ctx: Ctx,
  k: Pick<QuotaKey, 'kind' | 'receiverTenantId' | 'hostTenantId' | 'agreementId' | 'year'> & { orgUnitId: string },
): Promise<{ quotaId: string; allocationId: string | null; placesLeft: number } | null> {
  const [row] = rowsOf<{ quota_id: string; granted: number; used: number; allocated: number; pool_used: number; allocation_id: string | null; places: number | null; share_used: number | null }>(
    await ctx.db.execute(sql`${unitsUp(k.receiverTenantId, k.orgUnitId)},
      q as (
        select * from ${placeQuotas}
        where tenant_id = ${k.receiverTenantId} and kind = ${k.kind} and agreement_id = ${k.agreementId} and host_tenant_id = ${k.hostTenantId} and year = ${k.year}
      ),
      share as (
        select a.id, a.places, a.used from up
        join ${placeAllocations} a on a.tenant_id = ${k.receiverTenantId} and a.quota_id = (select id from q) and a.org_unit_id = up.id
        where a.places > 0 order by up.depth limit 1
      )
      select q.id as quota_id, q.granted, q.used, q.allocated, q.pool_used, share.id as allocation_id, share.places, share.used as share_used
      from q left join share on true`),
  );
  if (!row) return null;
  const overall = row.granted - row.used;
  const here = row.allocation_id ? row.places! - row.share_used! : row.granted - row.allocated - row.pool_used;
  return { quotaId: row.quota_id, allocationId: row.allocation_id, placesLeft: Math.min(overall, here) };
}

/** Takes one place, or returns false when the unit's allocation (or the ledger's pool) is used up. */
export async function takeQuotaPlace(ctx: Ctx, q: QuotaHold): Promise<boolean> {
  const line = and(eq(placeQuotas.tenantId, q.receiverTenantId), eq(placeQuotas.id, q.quotaId));
  if (!q.allocationId) {
    const got = await ctx.db
      .update(placeQuotas)
      .set({ used: sql`${placeQuotas.used} + 1`, poolUsed: sql`${placeQuotas.poolUsed} + 1`, updatedAt: ctx.now })
      .where(and(line, sql`${placeQuotas.poolUsed} + 1 <= ${placeQuotas.granted} - ${placeQuotas.allocated}`))
      .returning({ id: placeQuotas.id });
    return got.length === 1;
  }
  const got = await ctx.db
    .update(placeQuotas)
    .set({ used: sql`${placeQuotas.used} + 1`, updatedAt: ctx.now })
    .where(and(line, sql`${placeQuotas.used} + 1 <= ${placeQuotas.granted}`))
    .returning({ id: placeQuotas.id });
  if (!got.length) return false;
  const share = await ctx.db
    .update(placeAllocations)
    .set({ used: sql`${placeAllocations.used} + 1`, updatedAt: ctx.now })
    .where(and(eq(placeAllocations.tenantId, q.receiverTenantId), eq(placeAllocations.id, q.allocationId), sql`${placeAllocations.used} + 1 <= ${placeAllocations.places}`))
    .returning({ id: placeAllocations.id });
  // the ledger line moved already: the caller must roll back (QUOTA_EXHAUSTED) rather than carry on
  if (!share.length) throw new AppError('QUOTA_EXHAUSTED');
  return true;
}

/** Gives a place back to where it came from; counted in released. */
export async function releaseQuotaPlace(ctx: Ctx, q: QuotaHold): Promise<void> {
  await ctx.db
    .update(placeQuotas)
    .set({
      used: sql`${placeQuotas.used} - 1`,
      poolUsed: q.allocationId ? sql`${placeQuotas.poolUsed}` : sql`${placeQuotas.poolUsed} - 1`,
      released: sql`${placeQuotas.released} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(placeQuotas.tenantId, q.receiverTenantId), eq(placeQuotas.id, q.quotaId)));
  if (q.allocationId) {
    await ctx.db
      .update(placeAllocations)
      .set({ used: sql`${placeAllocations.used} - 1`, updatedAt: ctx.now })
      .where(and(eq(placeAllocations.tenantId, q.receiverTenantId), eq(placeAllocations.id, q.allocationId)));
  }
}

/** The kind's ledger lines of a year that the caller gives or receives. */
export async function findQuotasOfYear(ctx: PlaceCtx, kind: string, year: number): Promise<QuotaRow[]> {
  return ctx.db
    .select()
    .from(placeQuotas)
    .where(and(eq(placeQuotas.kind, kind), eq(placeQuotas.year, year), or(eq(placeQuotas.tenantId, ctx.tenantId), eq(placeQuotas.hostTenantId, ctx.tenantId))));
}

/** The receiver's ledger line and one unit's allocation of it, both under their row locks. */
export async function lockQuotaAndAllocation(ctx: PlaceCtx, quotaId: string, orgUnitId: string): Promise<{ quota: QuotaRow; allocation: AllocationRow | null }> {
  const [quota] = await ctx.db
    .select()
    .from(placeQuotas)
    .where(and(eq(placeQuotas.tenantId, ctx.tenantId), eq(placeQuotas.id, quotaId)))
    .for('update');
  const [allocation] = await ctx.db
    .select()
    .from(placeAllocations)
    .where(and(eq(placeAllocations.tenantId, ctx.tenantId), eq(placeAllocations.quotaId, quotaId), eq(placeAllocations.orgUnitId, orgUnitId)))
    .for('update');
  return { quota: quota!, allocation: allocation ?? null };
}

/** Sets a unit's allocation and the line's allocated total (the caller holds both locks and checked the figures). */
export async function writeAllocation(ctx: PlaceCtx, quotaId: string, orgUnitId: string, existing: AllocationRow | null, places: number, allocated: number): Promise<void> {
  if (existing) {
    await ctx.db.update(placeAllocations).set({ places, updatedAt: ctx.now }).where(and(eq(placeAllocations.tenantId, ctx.tenantId), eq(placeAllocations.id, existing.id)));
  } else {
    await ctx.db.insert(placeAllocations).values({ tenantId: ctx.tenantId, quotaId, orgUnitId, places });
  }
  await ctx.db.update(placeQuotas).set({ allocated, updatedAt: ctx.now }).where(and(eq(placeQuotas.tenantId, ctx.tenantId), eq(placeQuotas.id, quotaId)));
}

/** The caller's allocations of a ledger line with their units' names, by name. */
export async function findAllocationsWithUnits(ctx: PlaceCtx, quotaId: string) {
  return ctx.db
    .select({ id: placeAllocations.id, orgUnitId: placeAllocations.orgUnitId, orgUnitName: orgUnits.name, places: placeAllocations.places, used: placeAllocations.used })
    .from(placeAllocations)
    .innerJoin(orgUnits, and(eq(orgUnits.tenantId, placeAllocations.tenantId), eq(orgUnits.id, placeAllocations.orgUnitId)))
    .where(and(eq(placeAllocations.tenantId, ctx.tenantId), eq(placeAllocations.quotaId, quotaId)))
    .orderBy(asc(orgUnits.name));
}

export interface Regranted {
  quotaId: string;
  receiverTenantId: string;
  hostTenantId: string;
  year: number;
  before: number;
  after: number;
}

/**
 * An amended agreement's figure for one host on its ledger lines of `fromYear` on (issue 12): each line's
 * granted follows the figure, but never below what is already used or handed down (the CHECKs'
 * floor), so an amendment lowering the figure mid-year keeps every place already taken. Locks the
 * lines (a booking taking a place waits); returns the lines whose granted moved. Run in the context
 * of a party: it sees the lines it receives or hosts.
 */
export async function regrantQuotas(
  ctx: Ctx,
  k: { kind: string; agreementTenantId: string; agreementId: string; hostTenantId: string; fromYear: number; granted: number },
): Promise<Regranted[]> {
  return rowsOf<{ id: string; tenant_id: string; host_tenant_id: string; year: number; before: number; after: number }>(
    await ctx.db.execute(sql`
      with old as (
        select tenant_id, id, granted from ${placeQuotas}
        where kind = ${k.kind} and agreement_tenant_id = ${k.agreementTenantId} and agreement_id = ${k.agreementId}
          and host_tenant_id = ${k.hostTenantId} and year >= ${k.fromYear}
        for update)
      update ${placeQuotas} q set granted = greatest(${k.granted}::int, q.used, q.allocated + q.pool_used), updated_at = ${ctx.now.toISOString()}::timestamptz
      from old where q.tenant_id = old.tenant_id and q.id = old.id and q.granted <> greatest(${k.granted}::int, q.used, q.allocated + q.pool_used)
      returning q.id, q.tenant_id, q.host_tenant_id, q.year, old.granted as before, q.granted as after`),
  ).map((r) => ({ quotaId: r.id, receiverTenantId: r.tenant_id, hostTenantId: r.host_tenant_id, year: Number(r.year), before: Number(r.before), after: Number(r.after) }));
}
