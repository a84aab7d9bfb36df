import type { EventDto, ProgrammeRegistrationDto, ProgrammeSessionDto, VenueDto } from '@uc/contracts';
import type { PoolRow, ShareRow } from '../place/index.ts';
import type { FederationName } from './programme.repo.ts';
import { creditHours } from './programme.rules.ts';
import type { EventRow, RegistrationRow, SessionRow, VenueRow } from './programme.types.ts';

// Rows → DTOs, in the caller's language for federation names. No queries.

export type Names = Map<string, FederationName>;
export const nameOf = (names: Names, id: string, locale: string) => {
  const f = names.get(id);
  return f ? (locale === 'en' ? f.nameEn : f.nameZh) : '';
};

export const venueDtoOf = (v: VenueRow, names: Names, ctx: { tenantId: string; locale: string }): VenueDto => ({
  id: v.id,
  tenantId: v.tenantId,
  federation: nameOf(names, v.tenantId, ctx.locale),
  own: v.tenantId === ctx.tenantId,
  name: v.name,
  kind: v.kind as VenueDto['kind'],
  city: v.city,
  address: v.address,
  capacity: v.capacity,
  facilities: v.facilities,
  rowVersion: v.rowVersion,
});

export const eventDtoOf = (e: EventRow, names: Names, ctx: { tenantId: string; locale: string }, sessions: { startsAt: Date }[]): EventDto => ({
  id: e.id,
  hostTenantId: e.tenantId,
  host: nameOf(names, e.tenantId, ctx.locale),
  partner: nameOf(names, e.partnerTenantId, ctx.locale),
  own: e.tenantId === ctx.tenantId,
  agreementId: e.agreementId,
  kind: e.kind as EventDto['kind'],
  title: e.title,
  topic: e.topic,
  speakers: e.speakers,
  description: e.description,
  seatsPerCity: e.seatsPerCity,
  releaseHours: e.releaseHours,
  homeApproval: e.homeApproval,
  certificateSessions: e.certificateSessions,
  status: e.status as EventDto['status'],
  rowVersion: e.rowVersion,
  firstStartsAt: sessions.length ? new Date(Math.min(...sessions.map((s) => s.startsAt.getTime()))).toISOString() : null,
  sessions: sessions.length,
});

/** Seats anyone may still take: the pool's capacity less what is held in it and in its cities' shares (none once closed). */
export function freeSeats(pool: PoolRow, shares: readonly ShareRow[]): number {
  const held = pool.taken + shares.reduce((n, x) => n + x.taken, 0);
  return pool.status === 'open' ? Math.max(pool.capacity - held, 0) : 0;
}

export function sessionDtoOf(
  s: SessionRow,
  pool: PoolRow,
  shares: ShareRow[],
  venue: VenueRow | undefined,
  names: Names,
  locale: string,
  attended: number,
): ProgrammeSessionDto {
  const released = !!pool.releasedAt;
  const shareList = released ? [] : shares.map((x) => ({ tenantId: x.partyTenantId, federation: nameOf(names, x.partyTenantId, locale), units: x.units, taken: x.taken, free: x.units - x.taken }));
  return {
    id: s.id,
    eventId: s.eventId,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    venue: venue ? { id: venue.id, name: venue.name, address: venue.address, federation: nameOf(names, venue.tenantId, locale) } : null,
    onlineUrl: s.onlineUrl,
    creditHours: creditHours(s.creditTenths),
    status: s.status as ProgrammeSessionDto['status'],
    rescheduled: !!s.rescheduledAt,
    capacity: pool.capacity,
    free: freeSeats(pool, shares),
    released,
    releaseAt: pool.releaseAt?.toISOString() ?? null,
    shares: shareList,
    attended,
    rowVersion: s.rowVersion,
  };
}

export const registrationDtoOf = (r: RegistrationRow, names: Names, locale: string): ProgrammeRegistrationDto => ({
  id: r.id,
  sessionId: r.poolId,
  eventId: r.eventId,
  home: nameOf(names, r.tenantId, locale),
  memberId: r.memberId,
  memberName: r.memberName,
  memberMobile: r.memberMobile,
  status: r.status as ProgrammeRegistrationDto['status'],
  onShare: r.onShare,
  requestedAt: r.requestedAt.toISOString(),
  checkedInAt: r.checkedInAt?.toISOString() ?? null,
  nominated: r.nominated > 0,
  offerExpiresAt: r.status === 'offered' ? (r.offerExpiresAt?.toISOString() ?? null) : null,
});
