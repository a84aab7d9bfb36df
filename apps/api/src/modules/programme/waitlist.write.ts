import { programmeRegistrations } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import type { PlaceConsumer } from '../place/index.ts';
import { tellMember } from './programme.notices.ts';
import { findEvent, findSession } from './programme.repo.ts';
import { registrationOpen } from './programme.rules.ts';
import { ACTIVE, HOLDING, POOL_KIND, registrationClaims, type EventRow, type RegistrationRow, type SessionRow } from './programme.types.ts';

// The places engine's consumer for session seats. A free seat goes to the next waiting member
// straight away (a free event needs no acceptance, as Indico promotes from its waiting list): the
// engine marks the claim 'offered', and `offered` turns it into a registration and tells the
// member. So no offer is ever left to lapse. Callbacks run as the host.

interface Subject {
  session: SessionRow;
  event: EventRow;
}

const setStatus = (ctx: ServiceCtx, c: Pick<RegistrationRow, 'tenantId' | 'id'>, status: string, from: readonly string[]) =>
  ctx.db
    .update(programmeRegistrations)
    .set({ status, offerExpiresAt: null, updatedAt: ctx.now })
    .where(and(eq(programmeRegistrations.tenantId, c.tenantId), eq(programmeRegistrations.id, c.id), inArray(programmeRegistrations.status, [...from])))
    .returning();

export const programmeSeats: PlaceConsumer<RegistrationRow, Subject> = {
  kind: POOL_KIND,
  claims: registrationClaims,
  holding: HOLDING,
  active: ACTIVE,
  offerHours: 1,
  subject: async (ctx, poolId) => {
    const session = await findSession(ctx, poolId);
    const event = session ? await findEvent(ctx, session.eventId) : undefined;
    if (!session || !event || !registrationOpen(event.status, session, ctx.now)) return null;
    return { session, event };
  },
  recheck: async () => ({ quota: null }),
  offered: async (ctx, s, c) => {
    const [row] = await setStatus(ctx, c, 'registered', ['offered']);
    if (!row) return;
    await recordAudit(ctx, { type: 'programme.registered', entityType: 'programme_registration', entityId: c.id, data: { sessionId: s.session.id, status: 'registered', nominated: false, consent: !!c.consentAt } });
    await tellMember(ctx, c, 'programme.promoted', s.event, s.session);
  },
  dropped: async (ctx, _s, c) => void (await setStatus(ctx, c, 'cancelled', ['waitlisted'])),
  expire: async () => false,
  closeOnCancelledPool: async (ctx, id) => {
    const [row] = await ctx.db
      .update(programmeRegistrations)
      .set({ status: 'cancelled', cancelReason: 'session_cancelled', updatedAt: ctx.now })
      .where(and(eq(programmeRegistrations.hostTenantId, ctx.tenantId), eq(programmeRegistrations.id, id), inArray(programmeRegistrations.status, [...ACTIVE])))
      .returning();
    return !!row;
  },
};
