import type { Db, placeAllocations, placePools, placeQuotas, placeShares } from '@uc/db';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ServiceCtx } from '../../service.ts';

// The places engine's vocabulary (docs/decisions/0020-places-engine.md). Rows, what a claim
// holds, the shape of a consumer's claim table, and what a consumer registers.

export type PoolRow = typeof placePools.$inferSelect;
export type ShareRow = typeof placeShares.$inferSelect;
export type QuotaRow = typeof placeQuotas.$inferSelect;
export type AllocationRow = typeof placeAllocations.$inferSelect;

export type PoolStatus = 'open' | 'closed' | 'cancelled';

/** A transaction and the tenant it runs as (app.tenant_id), and the clock. */
export type PlaceCtx = Pick<ServiceCtx, 'db' | 'tenantId' | 'now'>;

/** The host's pool (its tenant and id). */
export interface PoolRef {
  hostTenantId: string;
  poolId: string;
}

/** A place on a quota line: the receiver's ledger row and, when the member's unit has one, its allocation. */
export interface QuotaHold {
  receiverTenantId: string;
  quotaId: string;
  allocationId: string | null;
}

/** What a claim holds (or asks for): units of a pool for a party, on its share or on the pool, and a quota place. */
export interface Hold extends PoolRef {
  /** the claimant's federation: the share it draws on */
  partyTenantId: string;
  units: number;
  onShare: boolean;
  quota: QuotaHold | null;
}

/** How many units a party may still take, and why not when none. */
export interface PoolAvailability {
  capacity: number;
  /** units held, on the pool and on every share */
  held: number;
  free: number;
  status: PoolStatus;
  released: boolean;
  shares: { partyTenantId: string; units: number; taken: number; free: number }[];
}

/**
 * The columns of a consumer's claim table, as the engine reads and moves them. A new consumer
 * builds its table with claimColumns() / claimIndexes() (@uc/db) and maps them one to one;
 * recuperation_booking maps batch_id to poolId and beds to units.
 */
export interface ClaimColumns {
  tenantId: AnyPgColumn;
  id: AnyPgColumn;
  hostTenantId: AnyPgColumn;
  poolId: AnyPgColumn;
  memberId: AnyPgColumn;
  status: AnyPgColumn;
  units: AnyPgColumn;
  quotaId: AnyPgColumn;
  allocationId: AnyPgColumn;
  quotaPlaces: AnyPgColumn;
  priorityRank: AnyPgColumn;
  requestedAt: AnyPgColumn;
  offerExpiresAt: AnyPgColumn;
  idempotencyKey: AnyPgColumn;
  rowVersion: AnyPgColumn;
  updatedAt: AnyPgColumn;
  /** absent: the consumer's pools have no shares */
  onShare?: AnyPgColumn;
}

export interface ClaimTable<T extends PgTable = PgTable> {
  table: T;
  columns: ClaimColumns;
}

/** What the engine assumes of a consumer's row as Drizzle returns it: every tenant table has these two. */
export interface ClaimRow {
  tenantId: string;
  id: string;
}

/** A claim's engine fields as the engine reads them from the claim table (through ClaimColumns). */
export interface ClaimHoldRow {
  id: string;
  tenantId: string;
  status: string;
  rowVersion: number;
  units: number;
  onShare: boolean;
  quotaId: string | null;
  allocationId: string | null;
  quotaPlaces: number;
}

/** What the consumer decides before a freed unit is offered to a waiting claim. */
export type Recheck = { drop: string } | { quota: QuotaHold | null };

/**
 * A module whose pools the engine serves (recuperation batches; programme sessions and contest
 * events next). Registered once (registerPlaceConsumer); the offers job and the waitlist fill
 * call it back. Every callback runs in the host's transaction (ctx.tenantId = the host) and
 * writes its own notices and audit events.
 */
export interface PlaceConsumer<Row extends ClaimRow = ClaimRow, Subject = unknown> {
  /** place_pool.kind of its pools, e.g. 'recuperation.batch' */
  kind: string;
  claims: ClaimTable;
  /** statuses that hold units of the pool and are given back when the claim ends */
  holding: readonly string[];
  /** statuses of the one active claim a member may have on a pool */
  active: readonly string[];
  /** how long an offered unit is held for the member */
  offerHours: number;
  /** when an offer made now must end at the latest (a session's start); none: offerHours decide */
  offerDeadline?(subject: Subject, now: Date): Date;
  /** the consumer's record behind the pool (a batch), read as the host; null: nothing to offer */
  subject(ctx: ServiceCtx, poolId: string): Promise<Subject | null>;
  /** a waiting claim is next: drop it (no longer eligible, with a reason) or the quota place it needs */
  recheck(ctx: ServiceCtx, subject: Subject, claim: Row): Promise<Recheck>;
  /** the claim was offered units until claim.offerExpiresAt: tell the member, audit */
  offered(ctx: ServiceCtx, subject: Subject, claim: Row): Promise<void>;
  /** the engine dropped a waiting claim (recheck said so): close it, tell the member, audit */
  dropped(ctx: ServiceCtx, subject: Subject, claim: Row, reason: string): Promise<void>;
  /** an offer past its time (found by the job): the consumer's step; true when it lapsed it */
  expire(ctx: ServiceCtx, claimId: string): Promise<boolean>;
  /** an active claim left on a cancelled pool (found by the job): the consumer closes it */
  closeOnCancelledPool(ctx: ServiceCtx, claimId: string): Promise<boolean>;
}

export type { Db };
