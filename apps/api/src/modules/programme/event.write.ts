import type { EventDetailDto, eventInput, eventStepInput, eventUpdateInput, ProgrammeStatus } from '@uc/contracts';
import { programmeEvents } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { getEvent } from './event.query.ts';
import { findActiveAgreementWithContent, findEvent } from './programme.repo.ts';
import { canStep, overClause, programmeFigures } from './programme.rules.ts';
import { clauseSeats } from './seats.query.ts';
import type { EventRow } from './programme.types.ts';

// Events: the host creates one under an active agreement whose programme section is on, with the
// partner as co-host; only the host changes it, through draft → published → open → closed → held
// → archived.

export async function createEvent(ctx: ServiceCtx, input: z.infer<typeof eventInput>): Promise<EventDetailDto> {
  const a = await findActiveAgreementWithContent(ctx, input.agreementId);
  if (!a || !a.parties.includes(ctx.tenantId)) throw new AppError('NOT_FOUND');
  if (programmeFigures(a.content as never) === null) throw new AppError('BAD_INPUT', { fields: { agreementId: 'programme_not_covered' } });
  const partner = a.parties.find((p) => p !== ctx.tenantId);
  if (!partner) throw new AppError('BAD_INPUT');
  // each city's own clause figure; a figure asked for the event applies to both and may exceed neither
  const clauses = [...(await clauseSeats(ctx, a.id, [ctx.tenantId, partner])).values()];
  const { agreementId, seatsPerCity: seats, ...rest } = input;
  if (overClause(seats, clauses)) throw new AppError('BAD_INPUT', { fields: { seatsPerCity: 'over_clause' } });
  // without one the event keeps the larger figure: each city's seats are that within its own (seatsOfCity)
  const [row] = await ctx.db
    .insert(programmeEvents)
    .values({ tenantId: ctx.tenantId, agreementTenantId: a.tenantId, agreementId, partnerTenantId: partner, seatsPerCity: seats ?? Math.max(0, ...clauses.map((c) => c ?? 0)), ...rest })
    .returning();
  await recordAudit(ctx, { type: 'programme.event_saved', entityType: 'programme_event', entityId: row!.id, data: { title: row!.title, created: true } });
  return getEvent(ctx, row!.id);
}

/** The host's event, locked; the co-host may read it but not change it. */
export async function ownEvent(ctx: ServiceCtx, id: string): Promise<EventRow> {
  const e = await findEvent(ctx, id, false);
  if (!e) throw new AppError('NOT_FOUND');
  if (e.tenantId !== ctx.tenantId) throw new AppError('FORBIDDEN');
  return (await findEvent(ctx, id, true))!;
}

export async function updateEvent(ctx: ServiceCtx, input: z.infer<typeof eventUpdateInput>): Promise<EventDetailDto> {
  const e = await ownEvent(ctx, input.id);
  if (e.rowVersion !== input.rowVersion) throw new AppError('STALE_VERSION');
  if (e.status === 'held' || e.status === 'archived') throw new AppError('PROGRAMME_STATE');
  const { id, rowVersion, seatsPerCity: seats, ...values } = input;
  if (seats !== undefined && overClause(seats, [...(await clauseSeats(ctx, e.agreementId, [e.tenantId, e.partnerTenantId])).values()])) {
    throw new AppError('BAD_INPUT', { fields: { seatsPerCity: 'over_clause' } });
  }
  await ctx.db
    .update(programmeEvents)
    .set({ ...values, ...(seats !== undefined ? { seatsPerCity: seats } : {}), rowVersion: rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(programmeEvents.tenantId, ctx.tenantId), eq(programmeEvents.id, id)));
  await recordAudit(ctx, { type: 'programme.event_saved', entityType: 'programme_event', entityId: id, data: { title: values.title, created: false } });
  return getEvent(ctx, id);
}

export async function stepEvent(ctx: ServiceCtx, input: z.infer<typeof eventStepInput>): Promise<EventDetailDto> {
  const e = await ownEvent(ctx, input.id);
  if (e.rowVersion !== input.rowVersion) throw new AppError('STALE_VERSION');
  if (!canStep(e.status as ProgrammeStatus, input.to)) throw new AppError('PROGRAMME_STATE');
  await ctx.db
    .update(programmeEvents)
    .set({ status: input.to, rowVersion: e.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(programmeEvents.tenantId, ctx.tenantId), eq(programmeEvents.id, e.id)));
  await recordAudit(ctx, { type: 'programme.event_step', entityType: 'programme_event', entityId: e.id, data: { from: e.status, to: input.to } });
  return getEvent(ctx, e.id);
}
