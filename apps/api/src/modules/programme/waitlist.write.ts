import { programmeRegistrations } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import { chinaDateTime } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { fill, free, type PlaceConsumer } from '../place/index.ts';
import { tellMember } from './programme.notices.ts';
import { findEvent, findRegistration, findSession } from './programme.repo.ts';
import { registrationOpen } from './programme.rules.ts';
import { ACTIVE, HOLDING, POOL_KIND, registrationClaims, type EventRow, type RegistrationRow, type SessionRow } from './programme.types.ts';

// The places engine's consumer for session seats. A freed seat is offered to the next waiting
// member (the waitlist's order) and held for them for OFFER_HOURS, but never later than
// OFFER_CLOSES_BEFORE_MS before the session starts, so a seat given up is not lost to someone who
// does not come: the member confirms (a ticket) or lets it go; a lapsed offer goes to the next
// one. Close to the start there is no time to ask: a seat freed then goes straight to the next
// member as a registration (Indico's promotion), and they are told. Callbacks run as the host.

/** how long a member has to confirm an offered seat */
export const OFFER_HOURS = 12;
/** an offer ends at the latest this long before the session starts */
const OFFER_CLOSES_BEFORE_MS = 2 * 3_600_000;
/** an offer that would last less than this is not worth asking: the seat is given at once */
const SHORTEST_OFFER_MS = 30 * 60_000;

interface Subject {
  session: SessionRow;
  event: EventRow;
}

const setStatus = (ctx: ServiceCtx, c: Pick<RegistrationRow, 'tenantId' | 'id'>, status: string, from: readonly string[], more: Partial<RegistrationRow> = {}) =>
  ctx.db
    .update(programmeRegistrations)
    .set({ status, offerExpiresAt: null, updatedAt: ctx.now, ...more })
    .where(and(eq(programmeRegistrations.tenantId, c.tenantId), eq(programmeRegistrations.id, c.id), inArray(programmeRegistrations.status, [...from])))
    .returning();

/** Turns an offered seat into a registration (the member confirmed, or there was no time to ask). */
export async function confirmOffered(ctx: ServiceCtx, c: RegistrationRow, s: Subject, how: 'confirmed' | 'promoted'): Promise<RegistrationRow | undefined> {
  const [row] = await setStatus(ctx, c, 'registered', ['offered'], { rowVersion: c.rowVersion + 1 });
  if (!row) return undefined;
  await recordAudit(ctx, { type: 'programme.registered', entityType: 'programme_registration', entityId: c.id, data: { sessionId: s.session.id, status: 'registered', from: 'offered', how, nominated: false, consent: !!c.consentAt } });
  if (how === 'promoted') await tellMember(ctx, c, 'programme.promoted', s.event, s.session);
  return row;
}

/** An offer past its time, found by the job (as the host): the seat goes to the next member. */
export async function expireOffer(ctx: ServiceCtx, id: string): Promise<boolean> {
  const c = await findRegistration(ctx, id, true);
  if (!c || c.status !== 'offered' || !c.offerExpiresAt || c.offerExpiresAt > ctx.now) return false;
  await setStatus(ctx, c, 'cancelled', ['offered'], { cancelReason: 'offer_expired', rowVersion: c.rowVersion + 1 });
  await free(ctx, { hostTenantId: c.hostTenantId, poolId: c.poolId, partyTenantId: c.tenantId, units: c.units, onShare: c.onShare, quota: null });
  await recordAudit(ctx, { type: 'programme.offer_expired', entityType: 'programme_registration', entityId: c.id, data: { sessionId: c.poolId } });
  const session = await findSession(ctx, c.poolId);
  const event = session ? await findEvent(ctx, session.eventId) : undefined;
  if (session && event) await tellMember(ctx, c, 'programme.offer_expired', event, session);
  await fill(ctx, programmeSeats, c.hostTenantId, c.poolId);
  return true;
}

export const programmeSeats: PlaceConsumer<RegistrationRow, Subject> = {
  kind: POOL_KIND,
  claims: registrationClaims,
  holding: HOLDING,
  active: ACTIVE,
  offerHours: OFFER_HOURS,
  offerDeadline: (s) => new Date(s.session.startsAt.getTime() - OFFER_CLOSES_BEFORE_MS),
  subject: async (ctx, poolId) => {
    const session = await findSession(ctx, poolId);
    const event = session ? await findEvent(ctx, session.eventId) : undefined;
    if (!session || !event || !registrationOpen(event.status, session, ctx.now)) return null;
    return { session, event };
  },
  recheck: async () => ({ quota: null }),
  offered: async (ctx, s, c) => {
    if (!c.offerExpiresAt || c.offerExpiresAt.getTime() - ctx.now.getTime() < SHORTEST_OFFER_MS) {
      await confirmOffered(ctx, c, s, 'promoted');
      return;
    }
    await recordAudit(ctx, { type: 'programme.offered', entityType: 'programme_registration', entityId: c.id, data: { sessionId: s.session.id, expiresAt: c.offerExpiresAt.toISOString() } });
    await tellMember(ctx, c, 'programme.offered', s.event, s.session, { expires: chinaDateTime(c.offerExpiresAt) });
  },
  dropped: async (ctx, _s, c) => void (await setStatus(ctx, c, 'cancelled', ['waitlisted'])),
  expire: expireOffer,
  closeOnCancelledPool: async (ctx, id) => {
    const [row] = await ctx.db
      .update(programmeRegistrations)
      .set({ status: 'cancelled', cancelReason: 'session_cancelled', offerExpiresAt: null, updatedAt: ctx.now })
      .where(and(eq(programmeRegistrations.hostTenantId, ctx.tenantId), eq(programmeRegistrations.id, id), inArray(programmeRegistrations.status, [...ACTIVE])))
      .returning();
    return !!row;
  },
};
