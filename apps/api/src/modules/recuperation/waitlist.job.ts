import type { Db } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import { runPlaceOffers } from '../place/index.ts';
import { recuperationPlaces } from './waitlist.write.ts';

// The places engine's job for recuperation's batches alone (the pg-boss 'place.offers' job runs
// it for every consumer): offers past their time lapse and their place goes to the next member;
// any batch with free beds and people waiting gets them offered.

export interface OffersResult {
  expired: string[];
  offered: string[];
}

export async function runRecuperationOffers(db: Db, now: Date, env: ServiceCtx['env']): Promise<OffersResult> {
  const { expired, offered } = await runPlaceOffers(db, now, env, [recuperationPlaces]);
  return { expired, offered };
}
