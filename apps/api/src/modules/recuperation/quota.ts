import type { AgreementContent } from '@uc/contracts';
import { agreements, agreementVersions, recuperationAllocations, recuperationQuotas, rowsOf } from '@uc/db';
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { placesPerYear } from './quota.math.ts';

// The quota ledger in the database. Every move is one conditional UPDATE whose WHERE repeats
// the limit, so two transactions can never both take the last place (the second waits for the
// first's row lock, re-reads, and finds nothing); the CHECK constraints hold it regardless.
// Lock order everywhere: batch row, then quota row, then allocation row.

export interface AgreementGrant {
  agreementTenantId: string;
  agreementId: string;
  title: string;
  /** places per year from the in-force version's recuperation section; null: none granted */
  granted: number | null;
}

type Ctx = Pick<ServiceCtx, 'db' | 'now'>;

/** The active agreement between host and receiver in force on `onDate` (latest first), as either party sees it. */
export async function agreementBetween(ctx: Ctx, hostTenantId: string, receiverTenantId: string, onDate: string): Promise<AgreementGrant | null> {
  const [row] = await ctx.db
    .select({ tenantId: agreements.tenantId, id: agreements.id, title: agreements.title, content: agreementVersions.content })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreements.tenantId), eq(agreementVersions.id, agreements.inForceVersionId)))
    .where(
      and(
        eq(agreements.status, 'active'),
        sql`${agreements.partyTenantIds} @> array[${hostTenantId}, ${receiverTenantId}]::uuid[]`,
        lte(agreements.termStart, onDate),
        gte(agreements.termEnd, onDate),
      ),
    )
    .orderBy(desc(agreements.termStart))
    .limit(1);
  if (!row) return null;
  return { agreementTenantId: row.tenantId, agreementId: row.id, title: row.title, granted: placesPerYear(row.content as AgreementContent) };
}

export interface QuotaKey {
  receiverTenantId: string;
  hostTenantId: string;
  agreementTenantId: string;
  agreementId: string;
  year: number;
  granted: number;
}

/** The ledger row for (agreement, host → receiver, year), opened with the agreement's figure on first use. */
export async function ensureQuota(ctx: Ctx, k: QuotaKey): Promise<string> {
  const [created] = await ctx.db
    .insert(recuperationQuotas)
    .values({ tenantId: k.receiverTenantId, hostTenantId: k.hostTenantId, agreementTenantId: k.agreementTenantId, agreementId: k.agreementId, year: k.year, granted: k.granted })
    .onConflictDoNothing()
    .returning({ id: recuperationQuotas.id });
  if (created) return created.id;
  const [row] = await ctx.db
    .select({ id: recuperationQuotas.id })
    .from(recuperationQuotas)
    .where(
      and(
        eq(recuperationQuotas.tenantId, k.receiverTenantId),
        eq(recuperationQuotas.agreementId, k.agreementId),
        eq(recuperationQuotas.hostTenantId, k.hostTenantId),
        eq(recuperationQuotas.year, k.year),
      ),
    );
  return row!.id;
}

/** The share a member of `orgUnitId` draws on: the nearest unit up the tree with an allocation; null: the pool. Home tenant context. */
export async function allocationFor(ctx: Ctx, receiverTenantId: string, quotaId: string, orgUnitId: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await ctx.db.execute(sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from org_unit where tenant_id = ${receiverTenantId} and id = ${orgUnitId}
        union all
        select u.id, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.parent_id where u.tenant_id = ${receiverTenantId} and up.depth < 20
      )
      select a.id from up join recuperation_allocation a on a.tenant_id = ${receiverTenantId} and a.quota_id = ${quotaId} and a.org_unit_id = up.id
      where a.places > 0
      order by up.depth limit 1`),
  );
  return row?.id ?? null;
}

/** Takes one place, or returns false when the unit's share (or the pool) is used up. */
export async function takePlace(ctx: Ctx, receiverTenantId: string, quotaId: string, allocationId: string | null): Promise<boolean> {
  const q = and(eq(recuperationQuotas.tenantId, receiverTenantId), eq(recuperationQuotas.id, quotaId));
  if (!allocationId) {
    const got = await ctx.db
      .update(recuperationQuotas)
      .set({ used: sql`${recuperationQuotas.used} + 1`, poolUsed: sql`${recuperationQuotas.poolUsed} + 1`, updatedAt: ctx.now })
      .where(and(q, sql`${recuperationQuotas.poolUsed} + 1 <= ${recuperationQuotas.granted} - ${recuperationQuotas.allocated}`))
      .returning({ id: recuperationQuotas.id });
    return got.length === 1;
  }
  const got = await ctx.db
    .update(recuperationQuotas)
    .set({ used: sql`${recuperationQuotas.used} + 1`, updatedAt: ctx.now })
    .where(and(q, sql`${recuperationQuotas.used} + 1 <= ${recuperationQuotas.granted}`))
    .returning({ id: recuperationQuotas.id });
  if (!got.length) return false;
  const share = await ctx.db
    .update(recuperationAllocations)
    .set({ used: sql`${recuperationAllocations.used} + 1`, updatedAt: ctx.now })
    .where(
      and(
        eq(recuperationAllocations.tenantId, receiverTenantId),
        eq(recuperationAllocations.id, allocationId),
        sql`${recuperationAllocations.used} + 1 <= ${recuperationAllocations.places}`,
      ),
    )
    .returning({ id: recuperationAllocations.id });
  // the quota row moved already: the caller must roll back (QUOTA_EXHAUSTED) rather than carry on
  if (!share.length) throw new AppError('QUOTA_EXHAUSTED');
  return true;
}

/** Gives a place back to where it came from; counted in released. */
export async function releasePlace(ctx: Ctx, receiverTenantId: string, quotaId: string, allocationId: string | null): Promise<void> {
  await ctx.db
    .update(recuperationQuotas)
    .set({
      used: sql`${recuperationQuotas.used} - 1`,
      poolUsed: allocationId ? sql`${recuperationQuotas.poolUsed}` : sql`${recuperationQuotas.poolUsed} - 1`,
      released: sql`${recuperationQuotas.released} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(eq(recuperationQuotas.tenantId, receiverTenantId), eq(recuperationQuotas.id, quotaId)));
  if (allocationId) {
    await ctx.db
      .update(recuperationAllocations)
      .set({ used: sql`${recuperationAllocations.used} - 1`, updatedAt: ctx.now })
      .where(and(eq(recuperationAllocations.tenantId, receiverTenantId), eq(recuperationAllocations.id, allocationId)));
  }
}

/**
 * The ledger row for (agreement, host → receiver, year) with the share a member of `orgUnitId`
 * draws on (nearest allocation up the tree) and the places left there — one statement, read
 * without a lock: what the member is told before booking. null: no row opened yet.
 */
export async function quotaFor(
  ctx: Ctx,
  k: { receiverTenantId: string; hostTenantId: string; agreementId: string; year: number; orgUnitId: string },
): Promise<{ quotaId: string; allocationId: string | null; placesLeft: number } | null> {
  const [row] = rowsOf<{ quota_id: string; granted: number; used: number; allocated: number; pool_used: number; allocation_id: string | null; places: number | null; share_used: number | null }>(
    await ctx.db.execute(sql`
      with recursive up(id, parent_id, depth) as (
        select id, parent_id, 0 from org_unit where tenant_id = ${k.receiverTenantId} and id = ${k.orgUnitId}
        union all
        select u.id, u.parent_id, up.depth + 1 from org_unit u join up on u.id = up.parent_id where u.tenant_id = ${k.receiverTenantId} and up.depth < 20
      ),
      q as (
        select * from recuperation_quota
        where tenant_id = ${k.receiverTenantId} and agreement_id = ${k.agreementId} and host_tenant_id = ${k.hostTenantId} and year = ${k.year}
      ),
      share as (
        select a.id, a.places, a.used from up
        join recuperation_allocation a on a.tenant_id = ${k.receiverTenantId} and a.quota_id = (select id from q) and a.org_unit_id = up.id
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
