import { asTenant } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findByKeyOrActive, lockWaitingInOrder, setOf, updateClaim } from './claim.repo.ts';
import { counterFor, poolFree } from './place.rules.ts';
import type { ClaimRow, ClaimTable, Hold, PlaceConsumer, PlaceCtx, PoolRow, QuotaHold } from './place.types.ts';
import { findSharesByPool, lockPool, returnToPool, returnToShare, takeFromLockedPool, takeFromLockedShare, takeFromPool, takeFromShare } from './pool.repo.ts';
import { releaseQuotaPlace, takeQuotaPlace } from './quota.repo.ts';

// Claims: take units of a pool (on the party's share or the pool) and a quota place, or wait;
// give them back; offer freed units down the waitlist. A claim is one row of the consumer's
// table; its counters move in the claimant's transaction, as the host for the pool's one
// statement. Lock order: claim row, pool row, share row, quota row, allocation row.

const HOUR = 3_600_000;

export interface ClaimRequest<Row> {
  /** the pool as read at the start of the transaction (no lock): a full one is waited on without queueing on its row */
  pool: PoolRow;
  partyTenantId: string;
  memberId: string;
  units: number;
  quota: QuotaHold | null;
  idempotencyKey: string;
  /** the consumer's statuses that count as the member's one active claim on the pool */
  active: readonly string[];
  /** the consumer's INSERT … ON CONFLICT DO NOTHING RETURNING of the new claim (status as if held) */
  insert: () => Promise<Row | undefined>;
}

export interface Claimed<Row> {
  row: Row;
  /** false: the same request (key) or another active claim of the member on the pool got in first */
  created: boolean;
  outcome: 'held' | 'waitlisted' | 'existing';
}

/**
 * Claims units of a pool for a member, once: the insert meets the claim table's unique indexes
 * (one active claim per member and pool; one per idempotency key), so a repeat — even at the same
 * instant — waits for the first and returns it. Then the units (one conditional UPDATE as the
 * host) and the quota place (QUOTA_EXHAUSTED rolls everything back); no unit free → waitlisted.
 */
export async function claim<Row extends ClaimRow>(ctx: PlaceCtx, c: ClaimTable, req: ClaimRequest<Row>): Promise<Claimed<Row>> {
  const inserted = await req.insert();
  if (!inserted) {
    const first = await findByKeyOrActive<Row>(ctx, c, { memberId: req.memberId, poolId: req.pool.id, idempotencyKey: req.idempotencyKey, active: req.active });
    if (!first) throw new AppError('CONFLICT');
    return { row: first, created: false, outcome: 'existing' };
  }
  const taken = await take(ctx, req.pool, req.partyTenantId, req.units);
  if (taken) {
    if (req.quota && !(await takeQuotaPlace(ctx, req.quota))) throw new AppError('QUOTA_EXHAUSTED');
    if (taken === 'share' && c.columns.onShare) return { row: await markOnShare<Row>(ctx, c, inserted), created: true, outcome: 'held' };
    return { row: inserted, created: true, outcome: 'held' };
  }
  return { row: await markWaitlisted<Row>(ctx, c, inserted), created: true, outcome: 'waitlisted' };
}

/** Units for a party: its share if it has one (until the release), else the pool. null: none free. */
async function take(ctx: PlaceCtx, pool: PoolRow, partyTenantId: string, units: number): Promise<'share' | 'pool' | null> {
  const ref = { hostTenantId: pool.tenantId, poolId: pool.id };
  let stale = false;
  if (pool.shared > 0 && !pool.releasedAt) {
    const onShare = await takeFromShare(ctx, ref, partyTenantId, units);
    if (onShare === 'taken') return 'share';
    if (onShare === 'full') return null;
    // released since the pool was read: the read figures no longer hold, the UPDATE decides
    stale = onShare === 'released';
  }
  // the pool as read when this transaction began: already full, so wait without queueing on its
  // row (a unit freed meanwhile is offered by the job: place.job.ts)
  if (!stale && (pool.status !== 'open' || poolFree(pool) < units)) return null;
  return (await takeFromPool(ctx, ref, units)) ? 'pool' : null;
}

async function markWaitlisted<Row>(ctx: PlaceCtx, c: ClaimTable, row: ClaimRow): Promise<Row> {
  const [out] = await ctx.db
    .update(c.table)
    .set(setOf(c, { status: 'waitlisted' }) as never)
    .where(idOf(c, row))
    .returning();
  return out as Row;
}

async function markOnShare<Row>(ctx: PlaceCtx, c: ClaimTable, row: ClaimRow): Promise<Row> {
  const [out] = await ctx.db
    .update(c.table)
    .set(setOf(c, { onShare: true }) as never)
    .where(idOf(c, row))
    .returning();
  return out as Row;
}

const idOf = (c: ClaimTable, row: Pick<ClaimRow, 'tenantId' | 'id'>) => and(eq(c.columns.tenantId, row.tenantId), eq(c.columns.id, row.id));

/** Gives back what a claim held: its units (to its share or the pool) and its quota place (in the receiver's ledger). */
export async function free(ctx: PlaceCtx, hold: Hold): Promise<void> {
  if (hold.onShare) await returnToShare(ctx, hold, hold.partyTenantId, hold.units);
  else await returnToPool(ctx, hold, hold.units);
  const q = hold.quota;
  if (!q) return;
  const release = () => releaseQuotaPlace(ctx, q);
  // allocations are the receiver's alone: as the receiver (the line itself the host may move)
  await (q.allocationId && q.receiverTenantId !== ctx.tenantId ? asTenant(ctx.db, q.receiverTenantId, release) : release());
}

/**
 * Offers the pool's free units down its waitlist (priority rank, then time). Runs as the host
 * (who sees every waiting claim), holding the pool's row lock: each next claim that fits is
 * re-checked by the consumer (dropped, or the quota place it needs, taken in a savepoint so an
 * exhausted one leaves it waiting), then holds its units as 'offered' for the consumer's
 * offerHours. Returns the claims offered units.
 */
export async function fill<Row extends ClaimRow, Subject>(ctx: ServiceCtx, consumer: PlaceConsumer<Row, Subject>, hostTenantId: string, poolId: string): Promise<string[]> {
  return asTenant(ctx.db, hostTenantId, async () => {
    const host: ServiceCtx = { ...ctx, tenantId: hostTenantId };
    const ref = { hostTenantId, poolId };
    const pool = await lockPool(host, ref);
    if (!pool || pool.status !== 'open' || (pool.offerUntil && pool.offerUntil <= ctx.now)) return [];
    const shares = pool.releasedAt ? [] : await findSharesByPool(host, ref);
    const free = { pool: poolFree(pool), share: new Map(shares.map((s) => [s.partyTenantId, s.units - s.taken])) };
    const anyFree = () => free.pool > 0 || [...free.share.values()].some((n) => n > 0);
    if (!anyFree()) return [];
    const subject = await consumer.subject(host, poolId);
    if (subject === null) return [];
    const waiting = await lockWaitingInOrder<Row>(host, consumer.claims, ref, 200);
    const offered: string[] = [];
    for (const { row: c, hold } of waiting) {
      if (!anyFree()) break;
      const counter = counterFor(pool, shares.find((s) => s.partyTenantId === hold.tenantId));
      const room = counter === 'share' ? free.share.get(hold.tenantId)! : free.pool;
      if (hold.units > room) continue;
      const verdict = await consumer.recheck(host, subject, c);
      if ('drop' in verdict) {
        await consumer.dropped(host, subject, c, verdict.drop);
        continue;
      }
      if (verdict.quota && !(await tryTakeQuota(host, verdict.quota))) continue;
      if (counter === 'share') {
        await takeFromLockedShare(host, ref, hold.tenantId, hold.units);
        free.share.set(hold.tenantId, room - hold.units);
      } else {
        await takeFromLockedPool(host, ref, hold.units);
        free.pool -= hold.units;
      }
      const row = await updateClaim<Row>(host, consumer.claims, hold, {
        status: 'offered',
        offerExpiresAt: offerEnds(consumer, subject, ctx.now),
        quotaId: verdict.quota?.quotaId ?? null,
        allocationId: verdict.quota?.allocationId ?? null,
        ...(consumer.claims.columns.onShare ? { onShare: counter === 'share' } : {}),
      });
      offered.push(hold.id);
      await consumer.offered(host, subject, row);
    }
    return offered;
  });
}

/** An offer made now holds for the consumer's offerHours, or until its deadline if that comes first. */
function offerEnds<Row extends ClaimRow, Subject>(consumer: PlaceConsumer<Row, Subject>, subject: Subject, now: Date): Date {
  const ends = now.getTime() + consumer.offerHours * HOUR;
  const deadline = consumer.offerDeadline?.(subject, now).getTime() ?? ends;
  return new Date(Math.max(now.getTime(), Math.min(ends, deadline)));
}

/** The quota place of a waiting claim, inside a savepoint so an exhausted line leaves it waiting. */
async function tryTakeQuota(ctx: PlaceCtx, q: QuotaHold): Promise<boolean> {
  try {
    return await ctx.db.transaction((sp) => asTenant(sp, q.receiverTenantId, () => takeQuotaPlace({ db: sp, now: ctx.now }, q)));
  } catch (e) {
    if (e instanceof AppError && e.code === 'QUOTA_EXHAUSTED') return false;
    throw e;
  }
}
