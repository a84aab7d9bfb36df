// The places engine (docs/decisions/0020-places-engine.md): capacity that federations claim
// units of — recuperation beds, programme seats, contest entrant places — never overbooked.
//
//  pool    a host's capacity (place_pool, same id as the consumer's row: a batch, a session, an
//          event), optionally split into per-party SHARES (seats per city, entrants per city);
//          at its release time the unused share units go back to the pool for any party, once.
//  claim   a row of the consumer's own table (claimColumns()/claimIndexes() from @uc/db): one
//          active claim per member and pool, one per idempotency key; it holds `units` of the
//          pool (on its party's share or on the pool) and, optionally, one place of a QUOTA line.
//  quota   a line from an agreement (place_quota: granted, allocated down the receiver's org
//          tree, used, released) and its org-unit allocations (place_allocation).
//  waitlist  claims with no unit free wait (rank, then time); freed units are offered for the
//          consumer's offerHours by fill() and by the job, through the consumer's callbacks.
//
// Every counter moves by a conditional UPDATE bounded by CHECK constraints. Lock order: claim
// row → pool row → share row → quota row → allocation row → audit head.
//
// Usage — a programme session with seats per city (the contest helper does the same per event):
//
//   // the host creates the pool with its row (ctx.tenantId = the host)
//   const pool = await createPool(ctx, { kind: 'programme.session', capacity: 120,
//     shares: [{ partyTenantId: hz, units: 60 }, { partyTenantId: nb, units: 60 }],
//     releaseAt: new Date('2027-05-08T00:00:00+08:00'),   // unused seats go to anyone then
//     offerUntil: new Date('2027-05-10T09:00:00+08:00') }); // no offers once it starts
//   await tx.insert(programmeSessions).values({ tenantId: ctx.tenantId, id: pool.id, … });
//
//   // register (ctx.tenantId = the member's home federation): one transaction
//   const registrations: ClaimTable = { table: programmeRegistrations, columns: { …one per ClaimColumns key } };
//   const pool = await findPoolById(ctx, { hostTenantId, poolId: sessionId });     // no lock
//   const { row, created, outcome } = await claim(ctx, registrations, {
//     pool, partyTenantId: ctx.tenantId, memberId, units: 1, quota: null,
//     idempotencyKey, active: ['waitlisted', 'offered', 'registered'],
//     insert: () => insertRegistrationUnlessExists(…, { status: 'registered', … }),
//   });                                      // outcome: 'held' | 'waitlisted' | 'existing'
//
//   // cancel: give back what it held, then offer it down the waitlist
//   await free(ctx, { hostTenantId, poolId, partyTenantId: row.tenantId, units: 1, onShare: row.onShare, quota: null });
//   await fill(ctx, programmeSeats, hostTenantId, poolId);
//
//   // the consumer registers how to offer, re-check, drop and lapse (once, from its module)
//   registerPlaceConsumer(programmeSeats);  // PlaceConsumer: kind, claims, holding, active, offerHours, callbacks
//   // the 'place.offers' job then lapses offers, releases due shares exactly once, closes claims
//   // left on cancelled pools and fills pools with free units — for every registered consumer
//
//   // read what is left (host or partner); change or cancel (host)
//   await availability(ctx, { hostTenantId, poolId });   // capacity, held, free, per-share figures
//   await setShares(ctx, poolId, [{ partyTenantId: hz, units: 70 }, { partyTenantId: nb, units: 50 }]);
//   await changePool(ctx, poolId, { capacity: 150 });      // → { pool, free } | { refusal }
//   const active = await cancelPool(ctx, registrations, poolId, { active, holding }); // frees holds; close and tell each

export type {
  AllocationRow,
  ClaimColumns,
  ClaimHoldRow,
  ClaimRow,
  ClaimTable,
  Hold,
  PlaceConsumer,
  PlaceCtx,
  PoolAvailability,
  PoolRef,
  PoolRow,
  PoolStatus,
  QuotaHold,
  QuotaRow,
  Recheck,
  ShareRow,
} from './place.types.ts';
export { available, poolLeft, reallocate, release, take, type Allocation, type Ledger, type ReallocateRefusal } from './place.rules.ts';
export { cancelPool, changePool, createPool, quotaOf, setShares, type NewPool, type PoolChangeRefusal } from './pool.write.ts';
export { availability } from './pool.query.ts';
export { findPoolById } from './pool.repo.ts';
export { claim, fill, free, type ClaimRequest, type Claimed } from './claim.write.ts';
export { countWaitingAhead, countWaitingByPool, findMembersClaiming, rankWaiting } from './claim.repo.ts';
export {
  ensureQuota,
  findAllocationForUnit,
  findAllocationsWithUnits,
  findQuotaForUnit,
  findQuotasOfYear,
  lockQuotaAndAllocation,
  regrantQuotas,
  writeAllocation,
  type QuotaKey,
  type Regranted,
} from './quota.repo.ts';
export { registerPlaceConsumer, runPlaceOffers, type PlaceJobResult } from './place.job.ts';
