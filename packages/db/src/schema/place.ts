import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, unique, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, instant, tenantId, updatedAt } from './columns.ts';
import { orgUnits } from './core.ts';
import { federations } from './global.ts';

// The places engine (docs/decisions/0020-places-engine.md): capacity that federations
// claim units of — recuperation beds, programme seats, contest entrant places. The counters here
// exist to enforce limits under concurrency, so each moves by conditional UPDATEs and is bounded
// by CHECK constraints; the claims themselves live in the consumer's table (recuperation_booking…).

/**
 * A pool of units owned by the host federation (tenant_id): a recuperation batch, a programme
 * session, a contest event — the consumer's row has the same (tenant_id, id). Units are either
 * lent to party shares (`shared`) or taken straight from the pool by claims (`taken`).
 */
export const placePools = pgTable(
  'place_pool',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    /** the consumer that owns the pool, e.g. 'recuperation.batch' */
    kind: text('kind').notNull(),
    capacity: integer('capacity').notNull(),
    /** units held by claims drawn on the pool itself (not on a share) */
    taken: integer('taken').notNull().default(0),
    /** units lent to the party shares: the sum of place_share.units */
    shared: integer('shared').notNull().default(0),
    // open (claims taken) | closed (no new claims; holds stay) | cancelled (holds freed)
    status: text('status').notNull().default('open'),
    /** when the shares' unused units go back to the pool for any party (null: never) */
    releaseAt: instant('release_at'),
    /** set once, by the release */
    releasedAt: instant('released_at'),
    /** freed units are offered down the waitlist until this instant (the stay or session starts); null: always */
    offerUntil: instant('offer_until'),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // never over capacity, whatever the code above does
    check('place_pool_units_ck', sql`${t.taken} >= 0 and ${t.shared} >= 0 and ${t.taken} + ${t.shared} <= ${t.capacity}`),
    check('place_pool_capacity_ck', sql`${t.capacity} between 0 and 1000000`),
    check('place_pool_status_ck', sql`${t.status} in ('open', 'closed', 'cancelled')`),
    check('place_pool_kind_ck', sql`${t.kind} ~ '^[a-z][a-zA-Z]*[.][a-z][a-zA-Z]*$'`),
    check('place_pool_release_ck', sql`${t.releasedAt} is null or ${t.releaseAt} is not null`),
    index('place_pool_release_idx').on(t.tenantId, t.releaseAt).where(sql`released_at is null and release_at is not null`),
  ],
);

/** A party's share of a pool (seats per city, entrants per city): its claims draw on it until the pool's release. */
export const placeShares = pgTable(
  'place_share',
  {
    /** the host (the pool's owner) */
    tenantId: tenantId().references(() => federations.id),
    poolId: uuid('pool_id').notNull(),
    /** the federation whose members' claims draw on this share */
    partyTenantId: uuid('party_tenant_id')
      .notNull()
      .references(() => federations.id),
    units: integer('units').notNull(),
    taken: integer('taken').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.poolId, t.partyTenantId] }),
    foreignKey({ name: 'place_share_pool_fk', columns: [t.tenantId, t.poolId], foreignColumns: [placePools.tenantId, placePools.id] }).onDelete('cascade'),
    // never over the party's share
    check('place_share_units_ck', sql`${t.taken} >= 0 and ${t.taken} <= ${t.units}`),
  ],
);

/**
 * A quota line from an agreement: places one federation (host) grants another (tenant_id: the
 * receiver, whose members use them) for a calendar year, for one consumer kind (recuperation's
 * ledger). used = pool_used + the allocations' used.
 */
export const placeQuotas = pgTable(
  'place_quota',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    /** the consumer the places are for, e.g. 'recuperation' */
    kind: text('kind').notNull(),
    hostTenantId: uuid('host_tenant_id')
      .notNull()
      .references(() => federations.id),
    agreementTenantId: uuid('agreement_tenant_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    year: integer('year').notNull(),
    granted: integer('granted').notNull(),
    /** places handed down to org units (sum of place_allocation.places) */
    allocated: integer('allocated').notNull().default(0),
    used: integer('used').notNull().default(0),
    /** places used by members of units without an allocation */
    poolUsed: integer('pool_used').notNull().default(0),
    /** places given back over the year (cancellations, refusals) */
    released: integer('released').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    unique('place_quota_uq').on(t.tenantId, t.kind, t.agreementId, t.hostTenantId, t.year),
    index('place_quota_host_idx').on(t.hostTenantId, t.year),
    check('place_quota_used_ck', sql`${t.used} >= 0 and ${t.used} <= ${t.granted}`),
    check('place_quota_allocated_ck', sql`${t.allocated} >= 0 and ${t.allocated} <= ${t.granted}`),
    check('place_quota_pool_ck', sql`${t.poolUsed} >= 0 and ${t.poolUsed} <= ${t.granted} - ${t.allocated}`),
    check('place_quota_released_ck', sql`${t.released} >= 0`),
  ],
);

/** A share of a quota handed to an org unit; its members (and those of units below) use it. */
export const placeAllocations = pgTable(
  'place_allocation',
  {
    tenantId: tenantId().references(() => federations.id),
    id: id(),
    quotaId: uuid('quota_id').notNull(),
    orgUnitId: uuid('org_unit_id').notNull(),
    places: integer('places').notNull(),
    used: integer('used').notNull().default(0),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'place_allocation_quota_fk', columns: [t.tenantId, t.quotaId], foreignColumns: [placeQuotas.tenantId, placeQuotas.id] }).onDelete('cascade'),
    foreignKey({ name: 'place_allocation_unit_fk', columns: [t.tenantId, t.orgUnitId], foreignColumns: [orgUnits.tenantId, orgUnits.id] }),
    unique('place_allocation_unit_uq').on(t.tenantId, t.quotaId, t.orgUnitId),
    check('place_allocation_used_ck', sql`${t.used} >= 0 and ${t.used} <= ${t.places}`),
  ],
);

// ---- claims: the consumer's own table, in one shape the engine knows -----------------------
// A claim (a booking, a registration) belongs to the member's home federation (tenant_id) and
// names the pool's host (host_tenant_id); a policy lets exactly those two see it. The engine
// reads and moves claims through these columns (modules/place: ClaimTable); the consumer adds
// its own details beside them. recuperation_booking predates the engine and keeps its names
// (batch_id for pool_id, beds for units).

/** The engine's columns of a claim table, for a new consumer: spread into pgTable(). */
export const claimColumns = () => ({
  /** the member's home federation: the party the claim is for */
  tenantId: tenantId().references(() => federations.id),
  id: id(),
  hostTenantId: uuid('host_tenant_id')
    .notNull()
    .references(() => federations.id),
  /** the host's pool (host_tenant_id, pool_id); no key across tenants, checked under the pool's lock */
  poolId: uuid('pool_id').notNull(),
  memberId: uuid('member_id').notNull(),
  status: text('status').notNull(),
  /** units of the pool held (1 + companions for a recuperation stay) */
  units: integer('units').notNull().default(1),
  /** the units are held on the party's share, not on the pool itself */
  onShare: boolean('on_share').notNull().default(false),
  quotaId: uuid('quota_id'),
  allocationId: uuid('allocation_id'),
  /** quota places held: 0 or 1 */
  quotaPlaces: integer('quota_places').notNull().default(0),
  /** waitlist order: rank (0 first), then requested_at, then id */
  priorityRank: integer('priority_rank').notNull().default(0),
  requestedAt: instant('requested_at').notNull(),
  offerExpiresAt: instant('offer_expires_at'),
  idempotencyKey: text('idempotency_key').notNull(),
  rowVersion: integer('row_version').notNull().default(1),
  updatedAt: updatedAt(),
});

export interface ClaimIndexColumns {
  tenantId: AnyPgColumn;
  id: AnyPgColumn;
  hostTenantId: AnyPgColumn;
  poolId: AnyPgColumn;
  memberId: AnyPgColumn;
  status: AnyPgColumn;
  priorityRank: AnyPgColumn;
  requestedAt: AnyPgColumn;
  idempotencyKey: AnyPgColumn;
  offerExpiresAt: AnyPgColumn;
}

/**
 * What makes claims safe to repeat and fair to queue, for a claim table named `name`: one active
 * claim per member and pool whatever arrives at once (`active`: the statuses that count), one
 * claim per idempotency key, the host's pool lookups, the waitlist in its order, lapsed offers.
 */
export function claimIndexes(name: string, c: ClaimIndexColumns, active: readonly string[]) {
  const statuses = sql.raw(active.map((s) => `'${s.replace(/'/g, '')}'`).join(', '));
  return [
    uniqueIndex(`${name}_active_uq`).on(c.tenantId, c.poolId, c.memberId).where(sql`status in (${statuses})`),
    unique(`${name}_idem_uq`).on(c.tenantId, c.memberId, c.idempotencyKey),
    index(`${name}_host_pool_idx`).on(c.hostTenantId, c.poolId, c.status),
    index(`${name}_waitlist_idx`).on(c.hostTenantId, c.poolId, c.priorityRank, c.requestedAt, c.id).where(sql`status = 'waitlisted'`),
    index(`${name}_offer_idx`).on(c.offerExpiresAt).where(sql`status = 'offered'`),
  ];
}
