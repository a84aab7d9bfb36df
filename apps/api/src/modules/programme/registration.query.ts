import type { LearningRecordDto, ProgrammeRegistrationDto, TicketDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { membersInScope } from '../orgUnit/index.ts';
import { recordAudit } from '../audit/index.ts';
import { nameOf, registrationDtoOf, type Names } from './programme.dto.ts';
import { findEvent, findEvents, findFederationNames, findRegistrationsOfMember, findRegistrationsOfSession, findSession, findSessionsOfEvents, findVenues } from './programme.repo.ts';
import { creditHours } from './programme.rules.ts';
import { countWaitingAhead } from '../place/index.ts';
import { registrationClaims, type EventRow, type RegistrationRow, type SessionRow, type VenueRow } from './programme.types.ts';
import { ticketToken } from './ticket.crypto.ts';
import { findFeedbackOf } from './feedback.repo.ts';

// Reading registrations: the member's own tickets (with the check-in code) and learning record,
// a session's list for staff (the host sees everyone, the co-host its own members: row-level
// security), and the ticket a registration becomes.

function ticketOf(ctx: ServiceCtx, r: RegistrationRow, s: SessionRow, e: EventRow, venue: VenueRow | undefined, names: Names, position: number | null, feedback: TicketDto['feedback']): TicketDto {
  const mine = r.tenantId === ctx.tenantId;
  return {
    ...registrationDtoOf(r, names, ctx.locale),
    token: mine && r.status === 'registered' && s.status === 'scheduled' ? ticketToken(ctx.env.memberIdKey, r.id) : null,
    eventTitle: e.title,
    sessionTitle: s.title,
    host: nameOf(names, e.tenantId, ctx.locale),
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    place: venue ? `${venue.name}（${venue.address}）` : (s.onlineUrl ?? ''),
    sessionStatus: s.status as TicketDto['sessionStatus'],
    waitlistPosition: position,
    attended: r.checkedInAt !== null,
    feedback,
  };
}

export async function ticketFor(ctx: ServiceCtx, r: RegistrationRow): Promise<TicketDto> {
  const s = await findSession(ctx, r.poolId);
  const e = s ? await findEvent(ctx, s.eventId) : undefined;
  if (!s || !e) throw new AppError('NOT_FOUND');
  const venues = await findVenues(ctx);
  const names = await findFederationNames(ctx, [r.tenantId, e.tenantId]);
  const position = r.status === 'waitlisted' ? await countWaitingAhead(ctx, registrationClaims, { hostTenantId: r.hostTenantId, poolId: r.poolId }, r) : null;
  const [fb] = r.checkedInAt ? await findFeedbackOf(ctx, r.tenantId, [r.id]) : [];
  const feedback = fb ? { rating: fb.rating, comment: fb.comment, at: fb.at.toISOString() } : null;
  return ticketOf(ctx, r, s, e, venues.find((v) => v.tenantId === s.venueTenantId && v.id === s.venueId), names, position, feedback);
}

/** The member's tickets, newest first (their own federation's rows only). */
export async function myTickets(ctx: ServiceCtx): Promise<TicketDto[]> {
  if (!ctx.actor.memberId) throw new AppError('FORBIDDEN');
  const regs = await findRegistrationsOfMember(ctx, ctx.tenantId, ctx.actor.memberId);
  const out: TicketDto[] = [];
  for (const r of regs) out.push(await ticketFor(ctx, r).catch(() => null as never));
  return out.filter(Boolean);
}

export async function listRegistrations(ctx: ServiceCtx, sessionId: string): Promise<ProgrammeRegistrationDto[]> {
  const s = await findSession(ctx, sessionId);
  if (!s) throw new AppError('NOT_FOUND');
  const all = await findRegistrationsOfSession(ctx, sessionId);
  // a scoped officer sees of their own federation's registrations only those of their units' members
  const own = await membersInScope(ctx, all.filter((r) => r.tenantId === ctx.tenantId).map((r) => r.memberId));
  const regs = all.filter((r) => r.tenantId !== ctx.tenantId || own.has(r.memberId));
  const names = await findFederationNames(ctx, regs.map((r) => r.tenantId));
  // the host reads partner members' personal data (name, mobile): logged
  if (s.tenantId === ctx.tenantId && regs.some((r) => r.tenantId !== ctx.tenantId)) {
    await recordAudit(ctx, { type: 'programme.registrations_read', entityType: 'programme_session', entityId: s.id, data: { rows: regs.length } });
  }
  return regs.map((r) => registrationDtoOf(r, names, ctx.locale));
}

/**
 * A member's learning record (学习记录): every session they attended, in either city — their
 * registrations are their home federation's rows; the sessions are the host's, read as co-host.
 */
export async function learningRecord(ctx: ServiceCtx, memberId: string): Promise<LearningRecordDto> {
  const regs = (await findRegistrationsOfMember(ctx, ctx.tenantId, memberId)).filter((r) => r.checkedInAt);
  const events = await findEvents(ctx);
  const sessions = await findSessionsOfEvents(ctx, [...new Set(regs.map((r) => r.eventId))]);
  const names = await findFederationNames(ctx, events.map((e) => e.tenantId));
  const entries = regs.flatMap((r) => {
    const s = sessions.find((x) => x.session.id === r.poolId && x.session.tenantId === r.hostTenantId)?.session;
    const e = events.find((x) => x.id === r.eventId && x.tenantId === r.hostTenantId);
    if (!s || !e) return [];
    return [{ sessionId: s.id, eventTitle: e.title, topic: e.topic, kind: e.kind as LearningRecordDto['entries'][number]['kind'], host: nameOf(names, e.tenantId, ctx.locale), startsAt: s.startsAt.toISOString(), creditHours: creditHours(s.creditTenths), checkedInAt: r.checkedInAt!.toISOString() }];
  });
  entries.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return {
    sessions: entries.length,
    creditHours: creditHours(entries.reduce((n, x) => n + Math.round(x.creditHours * 10), 0)),
    topics: [...new Set(entries.map((x) => x.topic))],
    entries,
  };
}

export async function myLearningRecord(ctx: ServiceCtx): Promise<LearningRecordDto> {
  if (!ctx.actor.memberId) throw new AppError('FORBIDDEN');
  return learningRecord(ctx, ctx.actor.memberId);
}
