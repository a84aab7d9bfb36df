import { federations, withoutTenant, withTenant, type Db } from '@uc/db';
import { systemActor, type ServiceCtx } from '../../service.ts';
import { findActiveOnCancelledPools, findLapsedOffers, findPoolsToFill } from './claim.repo.ts';
import { fill } from './claim.write.ts';
import type { ClaimRow, PlaceConsumer } from './place.types.ts';
import { findPoolsDueForRelease, releaseShares } from './pool.repo.ts';

// The places job (pg-boss 'place.offers', every minute), for every registered consumer and host:
//  1. offers past their time lapse (the consumer's step; the units go to the next member);
//  2. pools whose release time has come release their shares — exactly once (releaseShares);
//  3. claims left active on a cancelled pool are closed (a claim that raced the cancellation);
//  4. pools with a free unit and someone waiting get it offered (the backstop for a unit freed
//     while a claim that read "full" was joining the queue, and for the units a release freed).
// One transaction per offer, pool or claim, each re-checked under its locks: a second run, or
// one in another process, changes nothing twice.

const consumers = new Map<string, PlaceConsumer>();

/** A module registers its pools' consumer once, from its own code (recuperation: waitlist.write.ts). */
export function registerPlaceConsumer<Row extends ClaimRow, Subject>(consumer: PlaceConsumer<Row, Subject>): void {
  consumers.set(consumer.kind, consumer as unknown as PlaceConsumer);
}

export interface PlaceJobResult {
  expired: string[];
  released: string[];
  closed: string[];
  offered: string[];
}

export async function runPlaceOffers(db: Db, now: Date, env: ServiceCtx['env'], only?: PlaceConsumer[]): Promise<PlaceJobResult> {
  const result: PlaceJobResult = { expired: [], released: [], closed: [], offered: [] };
  const failures: unknown[] = [];
  const ctxFor = (tx: Db, tenantId: string): ServiceCtx => ({ db: tx, tenantId, actor: systemActor, now, locale: 'zh-CN', env });
  const step = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      console.error(`[jobs] place.offers: ${what} failed`, e);
      failures.push(e);
    }
  };
  const hosts = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  for (const consumer of only ?? [...consumers.values()]) {
    for (const { id: host } of hosts) {
      const inHost = <T>(fn: (ctx: ServiceCtx) => Promise<T>) => withTenant(db, host, (tx) => fn(ctxFor(tx, host)));
      for (const id of await inHost((ctx) => findLapsedOffers(ctx, consumer.claims, host))) {
        await step(`expiring ${id}`, async () => {
          if (await inHost((ctx) => consumer.expire(ctx, id))) result.expired.push(id);
        });
      }
      for (const id of await inHost((ctx) => findPoolsDueForRelease(ctx, host, consumer.kind))) {
        await step(`releasing pool ${id}`, async () => {
          if (await inHost((ctx) => releaseShares(ctx, { hostTenantId: host, poolId: id }))) result.released.push(id);
        });
      }
      for (const id of await inHost((ctx) => findActiveOnCancelledPools(ctx, consumer.claims, consumer.kind, host, consumer.active))) {
        await step(`closing ${id}`, async () => {
          if (await inHost((ctx) => consumer.closeOnCancelledPool(ctx, id))) result.closed.push(id);
        });
      }
      for (const id of await inHost((ctx) => findPoolsToFill(ctx, consumer.claims, consumer.kind, host))) {
        await step(`filling pool ${id}`, async () => {
          result.offered.push(...(await inHost((ctx) => fill(ctx, consumer, host, id))));
        });
      }
    }
  }
  if (failures.length) throw new AggregateError(failures, `place.offers: ${failures.length} step(s) failed`);
  return result;
}
