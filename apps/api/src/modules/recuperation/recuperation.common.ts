import type { Role } from '@uc/contracts';
import { federations } from '@uc/db';
import { inArray } from 'drizzle-orm';
import { addDays, chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';

// What the recuperation files share: who may write, today's date in China, federation names.

/** host-side and home-side writes (bases, batches, approvals, allocations, policy) */
export const WRITER_ROLES: Role[] = ['admin', 'officer'];

/** today's date in China */
export const today = (ctx: Pick<ServiceCtx, 'now'>) => chinaDate(ctx.now);
export const yearOf = (date: string) => Number(date.slice(0, 4));
/** the morning the batch leaves: start + nights */
export const endDateOf = (startDate: string, nights: number) => addDays(startDate, nights);

export interface FederationName {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
}

/** Federation names by id (a global table). */
export async function federationNames(ctx: Pick<ServiceCtx, 'db'>, ids: string[]): Promise<Map<string, FederationName>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db
    .select({ id: federations.id, slug: federations.slug, nameZh: federations.nameZh, nameEn: federations.nameEn })
    .from(federations)
    .where(inArray(federations.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export const nameOf = (f: FederationName | undefined) => ({ slug: f?.slug ?? '', nameZh: f?.nameZh ?? '', nameEn: f?.nameEn ?? '' });
