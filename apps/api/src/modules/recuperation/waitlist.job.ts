import { federations, withoutTenant, withTenant, type Db } from '@uc/db';
import { chinaDate } from '../../lib/dates.ts';
import { systemActor, type ServiceCtx } from '../../service.ts';
import { expireOffer } from './booking.write.ts';
import { findBatchesToFill, findLapsedOffers } from './recuperation.repo.ts';
import { fillFromWaitlist } from './waitlist.write.ts';

// The waitlist job (pg-boss 'recuperation.offers', every minute): an offer past its time lapses
// and its place goes to the next member; and any batch with free beds and people waiting gets
// them offered (a backstop for a bed freed while a booking that read "full" was joining the
// queue). Runs per host federation, one transaction per offer or batch, each re-checked under
// its locks, so a second run, or one in another process, changes nothing twice.

export interface OffersResult {
  expired: string[];
  offered: string[];
}

export async function runRecuperationOffers(db: Db, now: Date, env: ServiceCtx['env']): Promise<OffersResult> {
  const result: OffersResult = { expired: [], offered: [] };
  const failures: unknown[] = [];
  const ctxFor = (tx: Db, tenantId: string): ServiceCtx => ({ db: tx, tenantId, actor: systemActor, now, locale: 'zh-CN', env });
  const hosts = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  for (const host of hosts) {
    const lapsed = await withTenant(db, host.id, (tx) => findLapsedOffers({ db: tx }, host.id, now));
    for (const id of lapsed) {
      try {
        if (await withTenant(db, host.id, (tx) => expireOffer(ctxFor(tx, host.id), id))) result.expired.push(id);
      } catch (e) {
        console.error(`[jobs] recuperation.offers: expiring ${id} failed`, e);
        failures.push(e);
      }
    }
    const waiting = await withTenant(db, host.id, (tx) => findBatchesToFill({ db: tx }, host.id, chinaDate(now)));
    for (const id of waiting) {
      try {
        result.offered.push(...(await withTenant(db, host.id, (tx) => fillFromWaitlist(ctxFor(tx, host.id), host.id, id))));
      } catch (e) {
        console.error(`[jobs] recuperation.offers: filling batch ${id} failed`, e);
        failures.push(e);
      }
    }
  }
  if (failures.length) throw new AggregateError(failures, `recuperation.offers: ${failures.length} step(s) failed`);
  return result;
}
