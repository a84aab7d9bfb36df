import type { VenueDto, venueInput, venueUpdateInput } from '@uc/contracts';
import { programmeVenues } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { venueDtoOf } from './programme.dto.ts';
import { findFederationNames, findVenues } from './programme.repo.ts';

// Venues (阵地): a federation lists its own; partners under an active agreement read them.

export async function listVenues(ctx: ServiceCtx): Promise<VenueDto[]> {
  const rows = await findVenues(ctx);
  const names = await findFederationNames(ctx, rows.map((v) => v.tenantId));
  return rows.map((v) => venueDtoOf(v, names, ctx));
}

export async function createVenue(ctx: ServiceCtx, input: z.infer<typeof venueInput>): Promise<VenueDto> {
  const [row] = await ctx.db.insert(programmeVenues).values({ tenantId: ctx.tenantId, ...input }).returning();
  await recordAudit(ctx, { type: 'programme.venue_saved', entityType: 'programme_venue', entityId: row!.id, data: { name: row!.name, created: true } });
  return venueDtoOf(row!, await findFederationNames(ctx, [ctx.tenantId]), ctx);
}

export async function updateVenue(ctx: ServiceCtx, input: z.infer<typeof venueUpdateInput>): Promise<VenueDto> {
  const { id, rowVersion, ...values } = input;
  const [row] = await ctx.db
    .update(programmeVenues)
    .set({ ...values, rowVersion: rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(programmeVenues.tenantId, ctx.tenantId), eq(programmeVenues.id, id), eq(programmeVenues.rowVersion, rowVersion)))
    .returning();
  if (!row) {
    const [exists] = await ctx.db.select({ id: programmeVenues.id }).from(programmeVenues).where(and(eq(programmeVenues.tenantId, ctx.tenantId), eq(programmeVenues.id, id)));
    throw new AppError(exists ? 'STALE_VERSION' : 'NOT_FOUND');
  }
  await recordAudit(ctx, { type: 'programme.venue_saved', entityType: 'programme_venue', entityId: row.id, data: { name: row.name, created: false } });
  return venueDtoOf(row, await findFederationNames(ctx, [ctx.tenantId]), ctx);
}
