import type { applicationDecideInput, ApplicationDto, contestApplyInput, RegistrationDto } from '@uc/contracts';
import { asTenant, contestRegistrations, memberships, type ContestApplicationRow } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { decisionStep, withdrawalStep } from '../../lib/homeApproval.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { assertMemberInScope } from '../orgUnit/index.ts';
import { deliverNotice, staffOf, type NoticeKind } from '../notification/index.ts';
import { applicationDto } from './application.query.ts';
import { findApplicationByKeyOrOpen, findApplicationOfRegistration, insertApplicationUnlessExists, lockApplication, updateApplication } from './application.repo.ts';
import { REGISTRAR_ROLES, visibleEvent } from './contest.access.ts';
import { findFederations, findOwnMember } from './contest.repo.ts';
import { eligibility } from './contest.rules.ts';
import { ACTIVE, assertWindowOpen, enterMember, withdrawEntry } from './registration.write.ts';
import { registrationDtos } from './registration.query.ts';

// A member's own application (基层工会推荐 → 市总审核, decision 0033): the member applies from their
// phone with their consent; their home federation's staff approve it — which takes the entrant
// place through enterMember, the very claim a staff registration makes (so the city's quota holds
// under any concurrency) — or refuse it with a reason the member is told. Before the window
// closes the member or their staff may withdraw it, which frees the place it took.

export async function apply(ctx: ServiceCtx, input: z.infer<typeof contestApplyInput>): Promise<ApplicationDto> {
  const memberId = ctx.actor.memberId;
  if (!memberId) throw new AppError('FORBIDDEN');
  const { event, contest } = await visibleEvent(ctx, input.eventId);
  // a judging partner enters no one: its members do not see the event at all
  if (contest.judgingPartnerTenantIds.includes(ctx.tenantId)) throw new AppError('NOT_FOUND');
  const repeat = await findApplicationByKeyOrOpen(ctx, memberId, event.id, input.idempotencyKey);
  if (repeat) return applicationDto(ctx, repeat.id);
  assertWindowOpen(ctx, event);
  const member = await findOwnMember(ctx, memberId);
  if (!member) throw new AppError('NOT_FOUND');
  const why = eligibility(event, { birthDate: member.birthDate, yearsInTrade: input.yearsInTrade, certificates: input.certificates });
  if (why.length) throw new AppError('NOT_ELIGIBLE', { reasons: why });
  // entered already by their staff: nothing to apply for
  const [entered] = await ctx.db
    .select({ id: contestRegistrations.id })
    .from(contestRegistrations)
    .where(and(eq(contestRegistrations.tenantId, ctx.tenantId), eq(contestRegistrations.poolId, event.id), eq(contestRegistrations.memberId, memberId), inArray(contestRegistrations.status, [...ACTIVE])));
  if (entered) throw new AppError('CONTEST_STATE', { reason: 'already_entered' });
  const row = await insertApplicationUnlessExists(ctx, {
    hostTenantId: event.tenantId,
    eventId: event.id,
    contestId: contest.id,
    memberId,
    yearsInTrade: input.yearsInTrade,
    certificates: input.certificates,
    consentAt: ctx.now,
    status: 'applied',
    idempotencyKey: input.idempotencyKey,
  });
  // the same request at the same instant: the first one's answer
  const id = row?.id ?? (await findApplicationByKeyOrOpen(ctx, memberId, event.id, input.idempotencyKey))?.id;
  if (!id) throw new AppError('CONFLICT');
  if (row) await recordAudit(ctx, { type: 'contest.applied', entityType: 'contest_application', entityId: row.id, data: { eventId: event.id, consent: true } });
  return applicationDto(ctx, id);
}

/** The home federation's staff decide an application; deciding it again the same way is harmless. */
export async function decideApplication(ctx: ServiceCtx, input: z.infer<typeof applicationDecideInput>): Promise<ApplicationDto> {
  if (!hasRole(ctx.actor, ...REGISTRAR_ROLES)) throw new AppError('FORBIDDEN');
  const a = await lockApplication(ctx, input.id);
  if (!a) throw new AppError('NOT_FOUND');
  // a scoped officer decides only for members of their unit and the units below it
  await assertMemberInScope(ctx, a.memberId);
  const step = decisionStep(a.status, input.decision);
  if (step === 'repeat') return applicationDto(ctx, a.id);
  if (step === 'wrong_state') throw new AppError('CONTEST_STATE', { reason: a.status });
  const { event, contest } = await visibleEvent(ctx, a.eventId);
  if (input.decision === 'approve') {
    // the engine's claim, keyed by the application: a retry finds the same registration
    const entry = await enterMember(ctx, { event, contest, memberId: a.memberId, yearsInTrade: a.yearsInTrade, certificates: a.certificates, consentAt: a.consentAt, idempotencyKey: `application:${a.id}` });
    await updateApplication(ctx, a, { status: 'approved', registrationId: entry.row.id, decidedByUserId: ctx.actor.userId, decidedAt: ctx.now, decisionReason: input.reason || null });
    await recordAudit(ctx, { type: 'contest.application_decided', entityType: 'contest_application', entityId: a.id, data: { eventId: event.id, decision: 'approved', registrationId: entry.row.id } });
    await tellMember(ctx, a, 'contest.application_approved', { contest: contest.title, trade: event.trade, hostTenantId: event.tenantId, reason: '' });
  } else {
    await updateApplication(ctx, a, { status: 'refused', decidedByUserId: ctx.actor.userId, decidedAt: ctx.now, decisionReason: input.reason });
    await recordAudit(ctx, { type: 'contest.application_decided', entityType: 'contest_application', entityId: a.id, data: { eventId: event.id, decision: 'refused', registrationId: null } });
    await tellMember(ctx, a, 'contest.application_refused', { contest: contest.title, trade: event.trade, hostTenantId: event.tenantId, reason: input.reason });
  }
  return applicationDto(ctx, a.id);
}

/** The member (their own) or their federation's staff withdraw an open application before the window closes. */
export async function withdrawApplication(ctx: ServiceCtx, id: string): Promise<ApplicationDto> {
  const staff = hasRole(ctx.actor, ...REGISTRAR_ROLES);
  const a = await lockApplication(ctx, id);
  // a member sees only their own applications
  if (!a || (!staff && a.memberId !== ctx.actor.memberId)) throw new AppError('NOT_FOUND');
  if (a.memberId !== ctx.actor.memberId) await assertMemberInScope(ctx, a.memberId);
  const step = withdrawalStep(a.status, true);
  if (step === 'repeat') return applicationDto(ctx, a.id);
  if (step === 'wrong_state') throw new AppError('CONTEST_STATE', { reason: a.status });
  const { event, contest } = await visibleEvent(ctx, a.eventId);
  assertWindowOpen(ctx, event);
  if (a.registrationId) await withdrawEntry(ctx, a.registrationId);
  const by = a.memberId === ctx.actor.memberId ? 'member' : 'staff';
  await markWithdrawn(ctx, a, by);
  if (by === 'staff' && a.status === 'approved') await tellMember(ctx, a, 'contest.entry_withdrawn', { contest: contest.title, trade: event.trade, hostTenantId: event.tenantId, reason: '' });
  return applicationDto(ctx, a.id);
}

/** Staff withdraw an entry of their federation (however it was made); its application follows. */
export async function withdrawRegistration(ctx: ServiceCtx, registrationId: string): Promise<RegistrationDto> {
  if (!hasRole(ctx.actor, ...REGISTRAR_ROLES)) throw new AppError('FORBIDDEN');
  const row = await withdrawEntry(ctx, registrationId, { inScope: true });
  const a = await findApplicationOfRegistration(ctx, row.id);
  const { event, contest } = await visibleEvent(ctx, row.poolId);
  if (a && a.status === 'approved') {
    await markWithdrawn(ctx, a, 'staff');
    await tellMember(ctx, a, 'contest.entry_withdrawn', { contest: contest.title, trade: event.trade, hostTenantId: event.tenantId, reason: '' });
  }
  const [dto] = (await registrationDtos(ctx, event, [row])) as [RegistrationDto];
  return dto;
}

async function markWithdrawn(ctx: ServiceCtx, a: ContestApplicationRow, by: 'member' | 'staff') {
  await updateApplication(ctx, a, { status: 'withdrawn' });
  await recordAudit(ctx, { type: 'contest.application_withdrawn', entityType: 'contest_application', entityId: a.id, data: { eventId: a.eventId, by } });
}

/**
 * The agreement over the contest ended (decision 0038): an application still waiting for the home
 * federation's decision is refused with that reason, audited, and the member told. False when it was
 * decided meanwhile.
 */
export async function refuseForEndedAgreement(ctx: ServiceCtx, w: { id: string; contest: string; trade: string; hostTenantId: string }): Promise<boolean> {
  const a = await lockApplication(ctx, w.id);
  if (!a || a.status !== 'applied') return false;
  const reason = '两地合作协议已结束';
  await updateApplication(ctx, a, { status: 'refused', decidedByUserId: null, decidedAt: ctx.now, decisionReason: reason });
  await recordAudit(ctx, { type: 'contest.application_decided', entityType: 'contest_application', entityId: a.id, data: { eventId: a.eventId, decision: 'refused', registrationId: null } });
  await tellMember(ctx, a, 'contest.application_refused', { contest: w.contest, trade: w.trade, hostTenantId: w.hostTenantId, reason });
  return true;
}

/** An in-app notice (and an email through the outbox) to each login of the member, in their language. */
async function tellMember(ctx: ServiceCtx, a: Pick<ContestApplicationRow, 'tenantId' | 'memberId' | 'id'>, kind: NoticeKind, v: { contest: string; trade: string; hostTenantId: string; reason: string }) {
  const feds = await findFederations(ctx, [a.tenantId, v.hostTenantId]);
  const home = feds.get(a.tenantId);
  if (!home) return 0;
  const host = feds.get(v.hostTenantId);
  const vars = { contest: v.contest, trade: v.trade, host: host?.nameZh ?? '', hostEn: host?.nameEn ?? '', reason: v.reason };
  const send = async () => {
    const recipients = await staffOf(ctx.db, a.tenantId, eq(memberships.memberId, a.memberId));
    return deliverNotice(ctx.db, { tenantId: a.tenantId, slug: home.slug }, recipients, { kind, vars, link: '/t/{slug}/contests/apply', dedupeKey: `${kind}:${a.id}` }, ctx.env.publicUrl);
  };
  return ctx.tenantId === a.tenantId ? send() : asTenant(ctx.db, a.tenantId, send);
}
