import type { homeDecisionInput, ProgrammeRequestDto, registerInput } from '@uc/contracts';
import { programmeRegistrations, type ProgrammeRequestRow } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { decisionStep, withdrawalStep } from '../../lib/homeApproval.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { assertMemberInScope } from '../orgUnit/index.ts';
import { tellMember } from './programme.notices.ts';
import { findEvent, findSession } from './programme.repo.ts';
import { DECIDER_ROLES, registrationOpen } from './programme.rules.ts';
import { ACTIVE } from './programme.types.ts';
import { requestDto } from './request.query.ts';
import { findRequestByKeyOrOpen, insertRequestUnlessExists, lockRequest, updateRequest } from './request.repo.ts';
import { registerMember } from './registration.write.ts';

// Registration with approval (DOMAIN §3.1; decision 0051): on an event whose host asks for it, a
// member's own registration is a request their HOME federation keeps — no seat held, nothing shown to
// the host — until its staff approve it, which claims the seat through registerMember, the very claim
// a member's or a nomination's registration makes (registered, or waitlisted when the seats have
// gone), or refuse it with a reason the member is told. The member (or their staff) may withdraw it
// while it waits. The lifecycle is the contests' (lib/homeApproval.ts); each step locks the row.

export async function submitRequest(ctx: ServiceCtx, input: z.infer<typeof registerInput>): Promise<ProgrammeRequestDto> {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN');
  const repeat = await findRequestByKeyOrOpen(ctx, memberId, input.sessionId, input.idempotencyKey);
  if (repeat) return requestDto(ctx, repeat.id);
  const s = await findSession(ctx, input.sessionId);
  const e = s ? await findEvent(ctx, s.eventId) : undefined;
  if (!s || !e) throw new AppError('NOT_FOUND');
  // without approval the member registers straight away
  if (!e.homeApproval) throw new AppError('PROGRAMME_STATE', { reason: 'no_approval' });
  if (!registrationOpen(e.status, s, ctx.now)) throw new AppError('PROGRAMME_STATE');
  if (e.tenantId !== ctx.tenantId && !input.consent) throw new AppError('CONSENT_REQUIRED');
  // registered already (nominated by their staff, or approved before): nothing to ask for
  const [registered] = await ctx.db
    .select({ id: programmeRegistrations.id })
    .from(programmeRegistrations)
    .where(and(eq(programmeRegistrations.tenantId, ctx.tenantId), eq(programmeRegistrations.poolId, s.id), eq(programmeRegistrations.memberId, memberId), inArray(programmeRegistrations.status, [...ACTIVE])));
  if (registered) throw new AppError('PROGRAMME_STATE', { reason: 'already_registered' });
  const row = await insertRequestUnlessExists(ctx, {
    hostTenantId: e.tenantId,
    eventId: e.id,
    sessionId: s.id,
    memberId,
    consentAt: input.consent ? ctx.now : null,
    status: 'applied',
    idempotencyKey: input.idempotencyKey,
  });
  // the same request at the same instant: the first one's answer
  const id = row?.id ?? (await findRequestByKeyOrOpen(ctx, memberId, s.id, input.idempotencyKey))?.id;
  if (!id) throw new AppError('CONFLICT');
  if (row) await recordAudit(ctx, { type: 'programme.requested', entityType: 'programme_request', entityId: row.id, data: { sessionId: s.id, consent: input.consent } });
  return requestDto(ctx, id);
}

/** The home federation's staff decide a waiting request; deciding it again the same way is harmless. */
export async function decideRequest(ctx: ServiceCtx, input: z.infer<typeof homeDecisionInput>): Promise<ProgrammeRequestDto> {
  if (!hasRole(ctx.actor, ...DECIDER_ROLES)) throw new AppError('FORBIDDEN');
  const r = await lockRequest(ctx, input.id);
  if (!r) throw new AppError('NOT_FOUND');
  // a scoped officer decides only for members of their unit and the units below it
  await assertMemberInScope(ctx, r.memberId);
  const step = decisionStep(r.status, input.decision);
  if (step === 'repeat') return requestDto(ctx, r.id);
  if (step === 'wrong_state') throw new AppError('PROGRAMME_STATE', { reason: r.status });
  const s = await findSession(ctx, r.sessionId);
  const e = s ? await findEvent(ctx, s.eventId) : undefined;
  if (!s || !e) throw new AppError('NOT_FOUND');
  if (input.decision === 'approve') {
    // the engine's claim, keyed by the request: a retry finds the same registration
    const claimed = await registerMember(ctx, s.id, { memberId: r.memberId, idempotencyKey: `request:${r.id}`, consent: r.consentAt !== null, nominated: false, approved: true });
    await decided(ctx, r, { status: 'approved', registrationId: claimed.row.id, decidedByUserId: ctx.actor.userId, decidedAt: ctx.now, decisionReason: input.reason || null });
    await recordAudit(ctx, { type: 'programme.request_decided', entityType: 'programme_request', entityId: r.id, data: { sessionId: s.id, decision: 'approved', registrationId: claimed.row.id, registrationStatus: claimed.row.status } });
    await tellMember(ctx, r, claimed.row.status === 'waitlisted' ? 'programme.request_waitlisted' : 'programme.request_approved', e, s);
  } else {
    await decided(ctx, r, { status: 'refused', decidedByUserId: ctx.actor.userId, decidedAt: ctx.now, decisionReason: input.reason });
    await recordAudit(ctx, { type: 'programme.request_decided', entityType: 'programme_request', entityId: r.id, data: { sessionId: s.id, decision: 'refused', registrationId: null, registrationStatus: null } });
    await tellMember(ctx, r, 'programme.request_refused', e, s, { reason: input.reason });
  }
  return requestDto(ctx, r.id);
}

/** The member (their own) or their federation's staff withdraw a request still waiting; it held nothing, so nothing is freed. */
export async function withdrawRequest(ctx: ServiceCtx, id: string): Promise<ProgrammeRequestDto> {
  const staff = hasRole(ctx.actor, ...DECIDER_ROLES);
  const r = await lockRequest(ctx, id);
  // a member sees only their own requests
  if (!r || (!staff && r.memberId !== ctx.actor.memberId)) throw new AppError('NOT_FOUND');
  if (r.memberId !== ctx.actor.memberId) await assertMemberInScope(ctx, r.memberId);
  const step = withdrawalStep(r.status, false);
  if (step === 'repeat') return requestDto(ctx, r.id);
  if (step === 'wrong_state') throw new AppError('PROGRAMME_STATE', { reason: r.status });
  const by = r.memberId === ctx.actor.memberId ? 'member' : 'staff';
  await decided(ctx, r, { status: 'withdrawn' });
  await recordAudit(ctx, { type: 'programme.request_withdrawn', entityType: 'programme_request', entityId: r.id, data: { sessionId: r.sessionId, by } });
  return requestDto(ctx, r.id);
}

async function decided(ctx: ServiceCtx, r: ProgrammeRequestRow, set: Parameters<typeof updateRequest>[2]) {
  const row = await updateRequest(ctx, r, set, ctx.now);
  // the row is locked: another version means the lock was not held
  if (!row) throw new AppError('STALE_VERSION');
  return row;
}
