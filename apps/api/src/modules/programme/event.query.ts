import type { EventDetailDto, EventDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { eventDtoOf, nameOf, sessionDtoOf } from './programme.dto.ts';
import { eventSeatsByCity } from './seats.query.ts';
import { findAttendances, findEvent, findEvents, findFederationNames, findSessionsOfEvents, findSharesOfPools, findVenues } from './programme.repo.ts';

// programme.list — the events visible to the caller's federation (its own, and the partner's
// published ones under an active agreement); programme.get({ id }) — one with its sessions.

export async function listEvents(ctx: ServiceCtx): Promise<EventDto[]> {
  const events = await findEvents(ctx);
  const sessions = await findSessionsOfEvents(ctx, events.map((e) => e.id));
  const names = await findFederationNames(ctx, events.flatMap((e) => [e.tenantId, e.partnerTenantId]));
  return events.map((e) =>
    eventDtoOf(
      e,
      names,
      ctx,
      sessions.filter((s) => s.session.eventId === e.id && s.session.status === 'scheduled').map((s) => s.session),
    ),
  );
}

export async function getEvent(ctx: ServiceCtx, id: string): Promise<EventDetailDto> {
  const e = await findEvent(ctx, id);
  if (!e) throw new AppError('NOT_FOUND');
  const [sessions, venues, attendances] = await Promise.all([findSessionsOfEvents(ctx, [id]), findVenues(ctx), findAttendances(ctx, [id])]);
  const shares = await findSharesOfPools(ctx, sessions.map((s) => s.session.id));
  const names = await findFederationNames(ctx, [e.tenantId, e.partnerTenantId]);
  const sessionList = sessions.map(({ session, pool }) =>
    sessionDtoOf(
      session,
      pool,
      shares.filter((x) => x.poolId === session.id && x.tenantId === session.tenantId),
      venues.find((v) => v.tenantId === session.venueTenantId && v.id === session.venueId),
      names,
      ctx.locale,
      attendances.filter((a) => a.sessionId === session.id).length,
    ),
  );
  const seats = await eventSeatsByCity(ctx, e);
  const seatsByCity = [...seats].map(([tenantId, n]) => ({ tenantId, federation: nameOf(names, tenantId, ctx.locale), seats: n }));
  return { ...eventDtoOf(e, names, ctx, sessions.filter((s) => s.session.status === 'scheduled').map((s) => s.session)), sessionList, seatsByCity };
}
