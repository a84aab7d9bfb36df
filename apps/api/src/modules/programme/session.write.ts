import type { EventDetailDto, rescheduleInput, sessionCancelInput, sessionInput } from '@uc/contracts';
import { programmeRegistrations, programmeSessions } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { chinaDateTime } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { cancelPool, changePool, createPool } from '../place/index.ts';
import { getEvent } from './event.query.ts';
import { ownEvent } from './event.write.ts';
import { tellMember } from './programme.notices.ts';
import { findEvent, findRegistrationsOfSession, findSession, findVenue } from './programme.repo.ts';
import { overClause, releaseAtOf, seatsOfCity, splitSeats } from './programme.rules.ts';
import { clauseSeats } from './seats.query.ts';
import { ACTIVE, HOLDING, POOL_KIND, registrationClaims, type SessionRow } from './programme.types.ts';

// Sessions: the host adds them to its event, each with a pool of seats split per city (each
// city's own seats — the event's figure within that city's clause figure — within the capacity; released to anyone releaseHours before the
// start), moves one (seats kept, everyone told) or cancels one (seats freed, everyone told).

export async function createSession(ctx: ServiceCtx, input: z.infer<typeof sessionInput>): Promise<EventDetailDto> {
  const e = await ownEvent(ctx, input.eventId);
  if (e.status === 'held' || e.status === 'archived') throw new AppError('PROGRAMME_STATE');
  const venue = input.venueId ? await findVenue(ctx, input.venueId) : undefined;
  if (input.venueId && (!venue || ![e.tenantId, e.partnerTenantId].includes(venue.tenantId))) throw new AppError('BAD_INPUT', { fields: { venueId: 'invalid_value' } });
  const startsAt = new Date(input.startsAt);
  // each city's seats: the figure asked for this session (within every city's clause figure), else the event's within its own
  const cities = [e.tenantId, e.partnerTenantId];
  const clauses = await clauseSeats(ctx, e.agreementId, cities);
  if (overClause(input.seatsPerCity, [...clauses.values()])) throw new AppError('BAD_INPUT', { fields: { seatsPerCity: 'over_clause' } });
  const perCity = input.seatsPerCity ?? Object.fromEntries(cities.map((t) => [t, seatsOfCity(e.seatsPerCity, clauses.get(t) ?? null)]));
  const pool = await createPool(ctx, {
    kind: POOL_KIND,
    capacity: input.capacity,
    shares: splitSeats(input.capacity, perCity, cities),
    releaseAt: releaseAtOf(startsAt, e.releaseHours),
    offerUntil: startsAt,
  });
  await ctx.db.insert(programmeSessions).values({
    tenantId: ctx.tenantId,
    id: pool.id,
    eventId: e.id,
    title: input.title,
    startsAt,
    endsAt: new Date(input.endsAt),
    venueTenantId: venue?.tenantId ?? null,
    venueId: venue?.id ?? null,
    onlineUrl: input.onlineUrl,
    creditTenths: Math.round(input.creditHours * 10),
  });
  await recordAudit(ctx, { type: 'programme.session_saved', entityType: 'programme_session', entityId: pool.id, data: { eventId: e.id, capacity: input.capacity, startsAt: startsAt.toISOString() } });
  return getEvent(ctx, e.id);
}

/** The host's session, locked, and its event. */
async function ownSession(ctx: ServiceCtx, id: string): Promise<SessionRow> {
  const s = await findSession(ctx, id);
  if (!s) throw new AppError('NOT_FOUND');
  if (s.tenantId !== ctx.tenantId) throw new AppError('FORBIDDEN');
  return (await findSession(ctx, id, true))!;
}

export async function rescheduleSession(ctx: ServiceCtx, input: z.infer<typeof rescheduleInput>): Promise<EventDetailDto> {
  const s = await ownSession(ctx, input.id);
  if (s.rowVersion !== input.rowVersion) throw new AppError('STALE_VERSION');
  if (s.status !== 'scheduled') throw new AppError('PROGRAMME_STATE');
  const e = (await findEvent(ctx, s.eventId))!;
  const startsAt = new Date(input.startsAt);
  const changed = await changePool(ctx, s.id, { releaseAt: releaseAtOf(startsAt, e.releaseHours), offerUntil: startsAt });
  if ('refusal' in changed) throw new AppError('NOT_FOUND');
  await ctx.db
    .update(programmeSessions)
    .set({ startsAt, endsAt: new Date(input.endsAt), rescheduledAt: ctx.now, rowVersion: s.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(programmeSessions.tenantId, ctx.tenantId), eq(programmeSessions.id, s.id)));
  // everyone with a seat or waiting keeps it and is told; who cannot come cancels
  const active = (await findRegistrationsOfSession(ctx, s.id)).filter((r) => (ACTIVE as readonly string[]).includes(r.status));
  const to = chinaDateTime(startsAt);
  for (const r of active) await tellMember(ctx, r, 'programme.rescheduled', e, s, { to });
  await recordAudit(ctx, { type: 'programme.session_rescheduled', entityType: 'programme_session', entityId: s.id, data: { from: s.startsAt.toISOString(), to: startsAt.toISOString(), told: active.length } });
  return getEvent(ctx, e.id);
}

export async function cancelSession(ctx: ServiceCtx, input: z.infer<typeof sessionCancelInput>): Promise<EventDetailDto> {
  const s = await ownSession(ctx, input.id);
  if (s.status !== 'scheduled') throw new AppError('PROGRAMME_STATE');
  const e = (await findEvent(ctx, s.eventId))!;
  // the engine frees every seat held; the registrations still active are closed here and told
  const active = await cancelPool(ctx, registrationClaims, s.id, { active: ACTIVE, holding: HOLDING });
  if (active.length) {
    await ctx.db
      .update(programmeRegistrations)
      .set({ status: 'cancelled', cancelReason: input.reason || 'session_cancelled', updatedAt: ctx.now })
      .where(and(eq(programmeRegistrations.hostTenantId, ctx.tenantId), eq(programmeRegistrations.poolId, s.id), inArray(programmeRegistrations.id, active.map((c) => c.id))));
  }
  await ctx.db
    .update(programmeSessions)
    .set({ status: 'cancelled', rowVersion: s.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(programmeSessions.tenantId, ctx.tenantId), eq(programmeSessions.id, s.id)));
  const regs = await findRegistrationsOfSession(ctx, s.id);
  for (const c of active) {
    const r = regs.find((x) => x.id === c.id && x.tenantId === c.tenantId);
    if (r) await tellMember(ctx, r, 'programme.session_cancelled', e, s, { reason: input.reason });
  }
  await recordAudit(ctx, { type: 'programme.session_cancelled', entityType: 'programme_session', entityId: s.id, data: { reason: input.reason, told: active.length } });
  return getEvent(ctx, e.id);
}
