import {
  agreements,
  agreementVersions,
  federations,
  members,
  placePools,
  placeShares,
  programmeEvents,
  programmeRegistrations,
  programmeWalkIns,
  programmeSessions,
  programmeVenues,
  type Db,
} from '@uc/db';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { EventRow, RegistrationRow, SessionRow, VenueRow } from './programme.types.ts';

// SQL of joint programmes. Every read runs under row-level security: the host sees its own rows,
// the co-host a published event and its sessions while the agreement is active, a registration
// is seen by the member's home federation and the host. Anything else reads as absent.

type Read = { db: Db };

export interface FederationName {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
}

export async function findFederationNames(ctx: Read, ids: string[]): Promise<Map<string, FederationName>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await ctx.db.select({ id: federations.id, slug: federations.slug, nameZh: federations.nameZh, nameEn: federations.nameEn }).from(federations).where(inArray(federations.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The active agreement (as the caller sees it) with its in-force content. */
export async function findActiveAgreementWithContent(ctx: Read, agreementId: string) {
  const [row] = await ctx.db
    .select({ tenantId: agreements.tenantId, id: agreements.id, parties: agreements.partyTenantIds, content: agreementVersions.content })
    .from(agreements)
    .innerJoin(agreementVersions, and(eq(agreementVersions.tenantId, agreements.tenantId), eq(agreementVersions.id, agreements.inForceVersionId)))
    .where(and(eq(agreements.id, agreementId), eq(agreements.status, 'active')));
  return row;
}

export const findVenues = (ctx: Read): Promise<VenueRow[]> => ctx.db.select().from(programmeVenues).orderBy(asc(programmeVenues.tenantId), asc(programmeVenues.name));

export async function findVenue(ctx: Read, id: string): Promise<VenueRow | undefined> {
  const [row] = await ctx.db.select().from(programmeVenues).where(eq(programmeVenues.id, id));
  return row;
}

export const findEvents = (ctx: Read): Promise<EventRow[]> => ctx.db.select().from(programmeEvents).orderBy(desc(programmeEvents.createdAt));

export async function findEvent(ctx: Read, id: string, lock = false): Promise<EventRow | undefined> {
  const q = ctx.db.select().from(programmeEvents).where(eq(programmeEvents.id, id));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

/** Sessions of some events with their pool's figures (capacity, release). */
export async function findSessionsOfEvents(ctx: Read, eventIds: string[]) {
  if (!eventIds.length) return [];
  return ctx.db
    .select({ session: programmeSessions, pool: placePools })
    .from(programmeSessions)
    .innerJoin(placePools, and(eq(placePools.tenantId, programmeSessions.tenantId), eq(placePools.id, programmeSessions.id)))
    .where(inArray(programmeSessions.eventId, eventIds))
    .orderBy(asc(programmeSessions.startsAt));
}

export async function findSharesOfPools(ctx: Read, poolIds: string[]) {
  if (!poolIds.length) return [];
  return ctx.db.select().from(placeShares).where(inArray(placeShares.poolId, poolIds));
}

export async function findSession(ctx: Read, id: string, lock = false): Promise<SessionRow | undefined> {
  const q = ctx.db.select().from(programmeSessions).where(eq(programmeSessions.id, id));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export async function findMember(ctx: Read, tenantId: string, id: string) {
  const [row] = await ctx.db.select({ id: members.id, name: members.name, mobile: members.mobile }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.id, id)));
  return row;
}

export async function findRegistration(ctx: Read, id: string, lock = false): Promise<RegistrationRow | undefined> {
  const q = ctx.db.select().from(programmeRegistrations).where(eq(programmeRegistrations.id, id));
  const [row] = await (lock ? q.for('update') : q);
  return row;
}

export const findRegistrationsOfSession = (ctx: Read, sessionId: string): Promise<RegistrationRow[]> =>
  ctx.db.select().from(programmeRegistrations).where(eq(programmeRegistrations.poolId, sessionId)).orderBy(asc(programmeRegistrations.requestedAt), asc(programmeRegistrations.id));

export const findRegistrationsOfMember = (ctx: Read, tenantId: string, memberId: string): Promise<RegistrationRow[]> =>
  ctx.db
    .select()
    .from(programmeRegistrations)
    .where(and(eq(programmeRegistrations.tenantId, tenantId), eq(programmeRegistrations.memberId, memberId)))
    .orderBy(desc(programmeRegistrations.requestedAt));

/**
 * Attendances of some events, as the caller sees them: checked-in registrations and walk-ins. A
 * walk-in is its member when the host matched one, else the person its keyed hash names.
 */
export async function findAttendances(ctx: Read, eventIds: string[]) {
  if (!eventIds.length) return [];
  const [checkedIn, walkIns] = await Promise.all([
    ctx.db
      .select({ sessionId: programmeRegistrations.poolId, eventId: programmeRegistrations.eventId, homeTenantId: programmeRegistrations.tenantId, memberId: programmeRegistrations.memberId, memberName: programmeRegistrations.memberName, checkedInAt: programmeRegistrations.checkedInAt })
      .from(programmeRegistrations)
      .where(and(inArray(programmeRegistrations.eventId, eventIds), isNotNull(programmeRegistrations.checkedInAt))),
    ctx.db.select().from(programmeWalkIns).where(inArray(programmeWalkIns.eventId, eventIds)),
  ]);
  return [
    ...checkedIn.map((r) => ({ ...r, checkedInAt: r.checkedInAt!, walkIn: false })),
    ...walkIns.map((w) => ({ sessionId: w.sessionId, eventId: w.eventId, homeTenantId: w.homeTenantId, memberId: w.memberId ?? `walk-in:${w.personKey}`, memberName: w.name, checkedInAt: w.at, walkIn: true })),
  ];
}

/** The ticket check-ins at an event's sessions as the caller sees them (the host: everyone's; the co-host: its members'), or one member's. */
export function findCheckInsOfEvent(ctx: Read, e: { tenantId: string; id: string }, member?: { tenantId: string; memberId: string }) {
  const w = [eq(programmeRegistrations.hostTenantId, e.tenantId), eq(programmeRegistrations.eventId, e.id), isNotNull(programmeRegistrations.checkedInAt)];
  if (member) w.push(eq(programmeRegistrations.tenantId, member.tenantId), eq(programmeRegistrations.memberId, member.memberId));
  return ctx.db
    .select({ homeTenantId: programmeRegistrations.tenantId, memberId: programmeRegistrations.memberId, memberName: programmeRegistrations.memberName, sessionId: programmeRegistrations.poolId })
    .from(programmeRegistrations)
    .where(and(...w))
    .orderBy(asc(programmeRegistrations.tenantId), asc(programmeRegistrations.memberId), desc(programmeRegistrations.requestedAt));
}
