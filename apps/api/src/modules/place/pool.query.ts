import { AppError } from '../../errors.ts';
import { availability as count } from './place.rules.ts';
import type { PlaceCtx, PoolAvailability, PoolRef } from './place.types.ts';
import { findPoolById, findSharesByPool } from './pool.repo.ts';

// What a pool has left, as the host or a partner under an active agreement reads it (row-level
// security decides; anyone else gets NOT_FOUND). Two reads, no lock: a figure for the screen,
// never a promise — claims decide under the counters' conditional UPDATEs.

export async function availability(ctx: PlaceCtx, ref: PoolRef): Promise<PoolAvailability> {
  const [pool, shares] = await Promise.all([findPoolById(ctx, ref), findSharesByPool(ctx, ref)]);
  if (!pool) throw new AppError('NOT_FOUND');
  return count(pool, shares);
}
