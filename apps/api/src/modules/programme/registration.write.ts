import type { nominateRegistrationInput, registerInput } from '@uc/contracts';
import { programmeRegistrations } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { assertMemberInScope, membersInScope } from '../orgUnit/index.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { claim, fill, findPoolById, free, type Claimed } from '../place/index.ts';
import { confirmOffered, programmeSeats } from './waitlist.write.ts';
import { tellMember } from './programme.notices.ts';
import { findEvent, findMember, findRegistration, findSession } from './programme.repo.ts';
import { registrationOpen, WRITER_ROLES } from './programme.rules.ts';
import { ACTIVE, HOLDING, registrationClaims, type RegistrationRow } from './programme.types.ts';

// Registration: a member (from their phone) or their federation's staff claims a seat of a
// session on the places engine — on the member's city's share, or on the waitlist when it is
// full; the same idempotency key (or a second active registration) returns the first. Joining a
// session of the other city sends the member's name and mobile to the host: with consent only.

interface Registrant {
  memberId: string;
  idempotencyKey: string;
  consent: boolean;
  nominated: boolean;
  /** a request the home federation approved (decision 0051): it tells the member itself */
  approved?: boolean;
}

/** One registration in the caller's (the member's home) federation. */
export async function registerMember(ctx: ServiceCtx, sessionId: string, who: Registrant): Promise<Claimed<RegistrationRow>> {
  const s = await findSession(ctx, sessionId);
  if (!s) throw new AppError('NOT_FOUND');
  const e = await findEvent(ctx, s.eventId);
  if (!e) throw new AppError('NOT_FOUND');
  if (!registrationOpen(e.status, s, ctx.now)) throw new AppError('PROGRAMME_STATE');
  // the host asks for the home federation's approval of members' own registrations: a request instead (request.write.ts)
  if (e.homeApproval && !who.nominated && !who.approved) throw new AppError('PROGRAMME_STATE', { reason: 'approval_required' });
  const crossing = e.tenantId !== ctx.tenantId;
  if (crossing && !who.consent) throw new AppError('CONSENT_REQUIRED');
  const m = await findMember(ctx, ctx.tenantId, who.memberId);
  if (!m) throw new AppError('NOT_FOUND');
  const pool = await findPoolById(ctx, { hostTenantId: s.tenantId, poolId: s.id });
  if (!pool) throw new AppError('NOT_FOUND');
  const result = await claim<RegistrationRow>(ctx, registrationClaims, {
    pool,
    partyTenantId: ctx.tenantId,
    memberId: m.id,
    units: 1,
    quota: null,
    idempotencyKey: who.idempotencyKey,
    active: ACTIVE,
    insert: async () =>
      (
        await ctx.db
          .insert(programmeRegistrations)
          .values({
            tenantId: ctx.tenantId,
            hostTenantId: s.tenantId,
            poolId: s.id,
            eventId: e.id,
            memberId: m.id,
            status: 'registered',
            requestedAt: ctx.now,
            idempotencyKey: who.idempotencyKey,
            memberName: m.name,
            memberMobile: m.mobile ?? '',
            consentAt: who.consent ? ctx.now : null,
            nominated: who.nominated ? 1 : 0,
          })
          .onConflictDoNothing()
          .returning()
      )[0],
  });
  if (result.created) {
    const r = result.row;
    await recordAudit(ctx, { type: 'programme.registered', entityType: 'programme_registration', entityId: r.id, data: { sessionId: s.id, status: r.status, nominated: who.nominated, consent: who.consent } });
    if (!who.approved) await tellMember(ctx, r, r.status === 'waitlisted' ? 'programme.waitlisted' : 'programme.registered', e, s);
  }
  return result;
}

export async function register(ctx: ServiceCtx, input: z.infer<typeof registerInput>): Promise<Claimed<RegistrationRow>> {
  if (!ctx.actor.memberId) throw new AppError('FORBIDDEN');
  return registerMember(ctx, input.sessionId, { memberId: ctx.actor.memberId, idempotencyKey: input.idempotencyKey, consent: input.consent, nominated: false });
}

/** One member nominated by their federation's staff (one by one or from a list): the same key either way, so a repeat returns the first. */
export const nominateMember = (ctx: ServiceCtx, sessionId: string, memberId: string, consent: boolean) =>
  registerMember(ctx, sessionId, { memberId, idempotencyKey: `nominate:${sessionId}:${memberId}`, consent, nominated: true });

/** Staff register members of their own federation; the consent is attested by staff (collected on paper). */
export async function nominate(ctx: ServiceCtx, input: z.infer<typeof nominateRegistrationInput>) {
  const out = { registered: 0, waitlisted: 0, existing: 0 };
  // a scoped officer nominates only members of their unit and the units below it: one outside refuses the lot
  const inScope = await membersInScope(ctx, input.memberIds);
  if (input.memberIds.some((id) => !inScope.has(id))) throw new AppError('OUT_OF_SCOPE');
  for (const memberId of input.memberIds) {
    const r = await nominateMember(ctx, input.sessionId, memberId, input.consentAttested);
    if (r.outcome === 'existing') out.existing++;
    else if (r.outcome === 'waitlisted') out.waitlisted++;
    else out.registered++;
  }
  return out;
}

/**
 * Cancels a registration: the member themself, their home federation's staff or the host's. The
 * seat goes back (to the city's share, or to anyone after the release) and is offered down the
 * waitlist at once. A checked-in registration stays; a cancelled one is returned as it is.
 */
export async function cancelRegistration(ctx: ServiceCtx, id: string, reason: string): Promise<RegistrationRow> {
  const found = await findRegistration(ctx, id);
  if (!found) throw new AppError('NOT_FOUND');
  const own = ctx.actor.memberId === found.memberId && ctx.tenantId === found.tenantId;
  if (!own && !hasRole(ctx.actor, ...WRITER_ROLES)) throw new AppError(ctx.actor.memberId ? 'NOT_FOUND' : 'FORBIDDEN');
  // the home federation's staff: a scoped officer cancels only their units' members' (the host's staff are not scoped)
  if (!own && found.tenantId === ctx.tenantId) await assertMemberInScope(ctx, found.memberId);
  const r = (await findRegistration(ctx, id, true))!;
  if (r.status === 'cancelled') return r;
  if (r.checkedInAt) throw new AppError('PROGRAMME_STATE');
  const [row] = await ctx.db
    .update(programmeRegistrations)
    .set({ status: 'cancelled', cancelReason: reason || null, rowVersion: r.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(programmeRegistrations.tenantId, r.tenantId), eq(programmeRegistrations.id, r.id)))
    .returning();
  if ((HOLDING as readonly string[]).includes(r.status)) {
    await free(ctx, { hostTenantId: r.hostTenantId, poolId: r.poolId, partyTenantId: r.tenantId, units: r.units, onShare: r.onShare, quota: null });
    await fill(ctx, programmeSeats, r.hostTenantId, r.poolId);
  }
  await recordAudit(ctx, { type: 'programme.registration_cancelled', entityType: 'programme_registration', entityId: r.id, data: { sessionId: r.poolId, from: r.status } });
  const s = await findSession(ctx, r.poolId);
  const e = s ? await findEvent(ctx, s.eventId) : undefined;
  if (s && e) await tellMember(ctx, r, 'programme.registration_cancelled', e, s);
  return row!;
}

/**
 * The member confirms a seat offered from the waitlist while the offer holds: it becomes their
 * registration (a ticket with a QR code). A lapsed offer is refused (the job passes the seat on).
 */
export async function acceptOffer(ctx: ServiceCtx, id: string): Promise<RegistrationRow> {
  const found = await findRegistration(ctx, id, true);
  if (!found || found.memberId !== ctx.actor.memberId || found.tenantId !== ctx.tenantId) throw new AppError('NOT_FOUND');
  if (found.status === 'registered') return found;
  if (found.status !== 'offered' || !found.offerExpiresAt || found.offerExpiresAt <= ctx.now) throw new AppError('PROGRAMME_STATE', { reason: 'offer_gone' });
  const session = await findSession(ctx, found.poolId);
  const event = session ? await findEvent(ctx, session.eventId) : undefined;
  if (!session || !event) throw new AppError('NOT_FOUND');
  const row = await confirmOffered(ctx, found, { session, event }, 'confirmed');
  if (!row) throw new AppError('PROGRAMME_STATE', { reason: 'offer_gone' });
  return row;
}
