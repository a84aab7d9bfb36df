import { claimColumns, claimIndexes, withTenant, type Db } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { pgTable, primaryKey } from 'drizzle-orm/pg-core';
import { randomUUID } from 'node:crypto';
import type { Harness } from '../../test/harness.ts';
import { systemActor, type ServiceCtx } from '../../service.ts';
import { claim, fill, free, quotaOf, type ClaimTable, type PlaceConsumer } from './index.ts';
import type { PoolRow } from './place.types.ts';
import { findPoolById } from './pool.repo.ts';

// A consumer of the engine for its own tests, as a programme or contest module would be: a claim
// table built from claimColumns() (created here, in the test's database, with the tenancy rules
// every claim table has), statuses waitlisted → offered → held → cancelled, and callbacks that
// record what the engine asked of them.

export const ACTIVE = ['waitlisted', 'offered', 'held'] as const;
export const HOLDING = ['offered', 'held'] as const;

export const testClaims = pgTable('place_test_claim', { ...claimColumns() }, (t) => [primaryKey({ columns: [t.tenantId, t.id] }), ...claimIndexes('place_test_claim', t, ACTIVE)]);
export type TestClaim = typeof testClaims.$inferSelect;

export const claimTable: ClaimTable = {
  table: testClaims,
  columns: {
    tenantId: testClaims.tenantId,
    id: testClaims.id,
    hostTenantId: testClaims.hostTenantId,
    poolId: testClaims.poolId,
    memberId: testClaims.memberId,
    status: testClaims.status,
    units: testClaims.units,
    onShare: testClaims.onShare,
    quotaId: testClaims.quotaId,
    allocationId: testClaims.allocationId,
    quotaPlaces: testClaims.quotaPlaces,
    priorityRank: testClaims.priorityRank,
    requestedAt: testClaims.requestedAt,
    offerExpiresAt: testClaims.offerExpiresAt,
    idempotencyKey: testClaims.idempotencyKey,
    rowVersion: testClaims.rowVersion,
    updatedAt: testClaims.updatedAt,
  },
};

/** The claim table in the test's database (as the owner), with grants, forced RLS and the two-tenant policy. */
export async function createClaimTable(h: Harness): Promise<void> {
  for (const statement of [
    `create table place_test_claim (
      tenant_id uuid not null references federation(id), id uuid not null default gen_random_uuid(),
      host_tenant_id uuid not null references federation(id), pool_id uuid not null, member_id uuid not null,
      status text not null, units integer not null default 1, on_share boolean not null default false,
      quota_id uuid, allocation_id uuid, quota_places integer not null default 0, priority_rank integer not null default 0,
      requested_at timestamptz not null, offer_expires_at timestamptz, idempotency_key text not null,
      row_version integer not null default 1, updated_at timestamptz not null default now(),
      primary key (tenant_id, id),
      constraint place_test_claim_idem_uq unique (tenant_id, member_id, idempotency_key))`,
    `create unique index place_test_claim_active_uq on place_test_claim (tenant_id, pool_id, member_id) where status in ('waitlisted', 'offered', 'held')`,
    `create index place_test_claim_waitlist_idx on place_test_claim (host_tenant_id, pool_id, priority_rank, requested_at, id) where status = 'waitlisted'`,
    `grant select, insert, update, delete on place_test_claim to uc_app`,
    `alter table place_test_claim enable row level security`,
    `alter table place_test_claim force row level security`,
    `create policy place_test_claim_two_tenants on place_test_claim
      using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid or host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid or host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)`,
  ]) {
    await h.t.query(statement);
  }
}

export const ctxOf = (h: Harness, tx: Db, tenantId: string): ServiceCtx => ({ db: tx, tenantId, actor: systemActor, now: h.now(), locale: 'zh-CN', env: h.env });

/** What the consumer was asked, in order. */
export const calls: string[] = [];
/** members the recheck drops */
export const dropped = new Set<string>();

export const testConsumer: PlaceConsumer<TestClaim, { poolId: string }> = {
  kind: 'test.session',
  claims: claimTable,
  holding: HOLDING,
  active: ACTIVE,
  offerHours: 24,
  subject: async (_ctx, poolId) => ({ poolId }),
  recheck: async (_ctx, _s, c) => (dropped.has(c.memberId) ? { drop: 'ineligible' } : { quota: c.quotaId ? { receiverTenantId: c.tenantId, quotaId: c.quotaId, allocationId: c.allocationId } : null }),
  offered: async (_ctx, _s, c) => void calls.push(`offered:${c.memberId}`),
  dropped: async (ctx, _s, c, reason) => {
    await ctx.db.update(testClaims).set({ status: 'cancelled' }).where(and(eq(testClaims.tenantId, c.tenantId), eq(testClaims.id, c.id)));
    calls.push(`dropped:${c.memberId}:${reason}`);
  },
  expire: async (ctx, id) => {
    const [c] = await ctx.db.select().from(testClaims).where(eq(testClaims.id, id)).for('update');
    if (!c || c.status !== 'offered' || c.offerExpiresAt! > ctx.now) return false;
    await ctx.db.update(testClaims).set({ status: 'cancelled' }).where(and(eq(testClaims.tenantId, c.tenantId), eq(testClaims.id, c.id)));
    await free(ctx, holdOf(c));
    await fill(ctx, testConsumer, c.hostTenantId, c.poolId);
    return true;
  },
  closeOnCancelledPool: async (ctx, id) => {
    const [c] = await ctx.db.update(testClaims).set({ status: 'cancelled' }).where(eq(testClaims.id, id)).returning();
    return !!c;
  },
};

export const holdOf = (c: TestClaim) => ({ hostTenantId: c.hostTenantId, poolId: c.poolId, partyTenantId: c.tenantId, units: c.units, onShare: c.onShare, quota: quotaOf(c) });

/** A member of `party` claims units of the host's pool in one transaction of their federation. */
export async function claimFor(
  h: Harness,
  party: string,
  hostTenantId: string,
  poolId: string,
  opts: { memberId?: string; key?: string; units?: number; rank?: number; quota?: { quotaId: string; allocationId: string | null } } = {},
) {
  const memberId = opts.memberId ?? randomUUID();
  // the pool as the claim's transaction would have read it first (as the host here: the tests
  // need no agreement between host and party to claim; who may read a pool is tested apart)
  const pool = (await withTenant(h.t.db, hostTenantId, (tx) => findPoolById(ctxOf(h, tx, hostTenantId), { hostTenantId, poolId }))) as PoolRow;
  return withTenant(h.t.db, party, async (tx) => {
    const ctx = ctxOf(h, tx, party);
    const key = opts.key ?? `k-${memberId}`;
    return claim<TestClaim>(ctx, claimTable, {
      pool,
      partyTenantId: party,
      memberId,
      units: opts.units ?? 1,
      quota: opts.quota ? { receiverTenantId: party, ...opts.quota } : null,
      idempotencyKey: key,
      active: ACTIVE,
      insert: async () =>
        (
          await tx
            .insert(testClaims)
            .values({ tenantId: party, hostTenantId, poolId, memberId, status: 'held', units: opts.units ?? 1, quotaId: opts.quota?.quotaId ?? null, allocationId: opts.quota?.allocationId ?? null, quotaPlaces: opts.quota ? 1 : 0, priorityRank: opts.rank ?? 0, requestedAt: h.now(), idempotencyKey: key })
            .onConflictDoNothing()
            .returning()
        )[0],
    });
  });
}

/** The pool's counters and what its claims hold, straight from the database (as the owner). */
export async function counts(h: Harness, poolId: string) {
  const [p] = await h.t.query<{ capacity: number; taken: number; shared: number; released: boolean }>(`select capacity, taken, shared, released_at is not null as released from place_pool where id = $1`, [poolId]);
  const shares = await h.t.query<{ party: string; units: number; taken: number }>(`select party_tenant_id as party, units, taken from place_share where pool_id = $1 order by party_tenant_id`, [poolId]);
  const held = await h.t.query<{ on_share: boolean; party: string; n: number }>(
    `select on_share, tenant_id as party, coalesce(sum(units), 0)::int as n from place_test_claim where pool_id = $1 and status in ('offered', 'held') group by on_share, tenant_id`,
    [poolId],
  );
  const onPool = held.filter((x) => !x.on_share).reduce((n, x) => n + x.n, 0);
  return { pool: p!, shares, heldOnPool: onPool, heldOnShare: Object.fromEntries(held.filter((x) => x.on_share).map((x) => [x.party, x.n])) as Record<string, number> };
}
