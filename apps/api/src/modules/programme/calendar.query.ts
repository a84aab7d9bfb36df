import type { CalendarEntryDto, calendarInput } from '@uc/contracts';
import { placePools, programmeEvents, programmeSessions } from '@uc/db';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { freeSeats, nameOf } from './programme.dto.ts';
import { findFederationNames, findSharesOfPools, findVenues } from './programme.repo.ts';

// programme.calendar — the events calendar (活动日历): every session between two China dates of the
// events the caller's federation sees (its own, drafts included, and the partner's published ones
// under an active agreement: row-level security decides), optionally of one agreement. Seats free
// are derived from the pool and its shares as on the event page.

const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

export async function programmeCalendar(ctx: ServiceCtx, input: z.infer<typeof calendarInput>): Promise<CalendarEntryDto[]> {
  const rows = await ctx.db
    .select({ session: programmeSessions, pool: placePools, event: programmeEvents })
    .from(programmeSessions)
    .innerJoin(programmeEvents, and(eq(programmeEvents.tenantId, programmeSessions.tenantId), eq(programmeEvents.id, programmeSessions.eventId)))
    .innerJoin(placePools, and(eq(placePools.tenantId, programmeSessions.tenantId), eq(placePools.id, programmeSessions.id)))
    .where(
      and(
        gte(programmeSessions.startsAt, chinaMidnight(input.from)),
        lt(programmeSessions.startsAt, chinaMidnight(addDays(input.to, 1))),
        input.agreementId ? eq(programmeEvents.agreementId, input.agreementId) : undefined,
      ),
    )
    .orderBy(asc(programmeSessions.startsAt))
    .limit(1000);
  if (!rows.length) return [];
  const [shares, venues] = await Promise.all([findSharesOfPools(ctx, rows.map((r) => r.session.id)), findVenues(ctx)]);
  const names = await findFederationNames(ctx, [...rows.map((r) => r.event.tenantId), ...venues.map((v) => v.tenantId)]);
  return rows.map(({ session: s, pool, event: e }) => {
    const venue = venues.find((v) => v.tenantId === s.venueTenantId && v.id === s.venueId);
    return {
      sessionId: s.id,
      eventId: e.id,
      eventTitle: e.title,
      kind: e.kind as CalendarEntryDto['kind'],
      topic: e.topic,
      host: nameOf(names, e.tenantId, ctx.locale),
      own: e.tenantId === ctx.tenantId,
      agreementId: e.agreementId,
      eventStatus: e.status as CalendarEntryDto['eventStatus'],
      title: s.title,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      venue: venue ? { name: venue.name, federation: nameOf(names, venue.tenantId, ctx.locale) } : null,
      online: !venue && !!s.onlineUrl,
      status: s.status as CalendarEntryDto['status'],
      capacity: pool.capacity,
      free: s.status === 'scheduled' ? freeSeats(pool, shares.filter((x) => x.poolId === s.id && x.tenantId === s.tenantId)) : 0,
    };
  });
}
