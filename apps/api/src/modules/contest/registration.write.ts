import type { contestRegisterInput, RegistrationDto } from '@uc/contracts';
import { contestRegistrations, type ContestEventRow, type ContestRegistrationRow, type ContestRow } from '@uc/db';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { assertMemberInScope } from '../orgUnit/index.ts';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { availability, claim, findPoolById, free } from '../place/index.ts';
import { assertEnteringParty, visibleEvent } from './contest.access.ts';
import { findOwnMember, insertRegistrationUnlessExists, registrationClaims } from './contest.repo.ts';
import { eligibility } from './contest.rules.ts';
import { auditAll } from './contest.write.ts';
import { registrationDtos } from './registration.query.ts';

// A party's staff enter their own members (报名) for an event, with the member's consent to share
// the entry's data with the organiser — directly, or by approving the member's own application
// (application.write.ts): both take the place through enterMember, the one engine claim. The
// city's entrant places are the event pool's share for the party: the engine takes one under the
// share row's conditional UPDATE, so however many register at once, a city never has more
// entrants than its quota. Safe to repeat (key). Withdrawing before the window closes frees it.

export const ACTIVE = ['waitlisted', 'offered', 'registered'] as const;

/** The registration window is open today and the numbers are not drawn yet. */
export function assertWindowOpen(ctx: Pick<ServiceCtx, 'now'>, event: ContestEventRow): void {
  const today = chinaDate(ctx.now);
  if (event.drawnAt || today < event.registrationOpens || today > event.registrationCloses) throw new AppError('CONTEST_CLOSED', { opens: event.registrationOpens, closes: event.registrationCloses });
}

export interface Entry {
  event: ContestEventRow;
  contest: ContestRow;
  memberId: string;
  yearsInTrade: number;
  certificates: string[];
  consentAt: Date;
  idempotencyKey: string;
}

/** Claims an entrant place for one of the caller's (home federation's) members: the one path of staff registration and approval. */
export async function enterMember(ctx: ServiceCtx, e: Entry) {
  const { event, contest } = e;
  assertWindowOpen(ctx, event);
  const member = await findOwnMember(ctx, e.memberId);
  if (!member) throw new AppError('NOT_FOUND');
  const why = eligibility(event, { birthDate: member.birthDate, yearsInTrade: e.yearsInTrade, certificates: e.certificates });
  if (why.length) throw new AppError('NOT_ELIGIBLE', { reasons: why });
  const pool = await findPoolById(ctx, { hostTenantId: event.tenantId, poolId: event.id });
  if (!pool) throw new AppError('NOT_FOUND');
  const result = await claim<ContestRegistrationRow>(ctx, registrationClaims, {
    pool,
    partyTenantId: ctx.tenantId,
    memberId: member.id,
    units: 1,
    quota: null,
    idempotencyKey: e.idempotencyKey,
    active: ACTIVE,
    insert: () =>
      insertRegistrationUnlessExists(ctx, {
        tenantId: ctx.tenantId,
        hostTenantId: event.tenantId,
        poolId: event.id,
        contestId: contest.id,
        memberId: member.id,
        memberName: member.name,
        birthDate: member.birthDate!,
        yearsInTrade: e.yearsInTrade,
        certificates: e.certificates,
        consentAt: e.consentAt,
        registeredByUserId: ctx.actor.userId,
        status: 'registered',
        requestedAt: ctx.now,
        idempotencyKey: e.idempotencyKey,
      }),
  });
  // no waiting list for entrant places: the city's quota is full, and nothing of this attempt stays
  if (result.outcome === 'waitlisted') {
    const share = (await availability(ctx, { hostTenantId: event.tenantId, poolId: event.id })).shares.find((s) => s.partyTenantId === ctx.tenantId);
    throw new AppError('QUOTA_EXHAUSTED', { quotaPerCity: share?.units ?? event.quotaPerCity });
  }
  if (result.created) {
    await auditAll(ctx, [ctx.tenantId, event.tenantId], { type: 'contest.registered', entityType: 'contest_registration', entityId: result.row.id, data: { eventId: event.id, status: result.row.status, consent: true } });
  }
  return result;
}

export async function register(ctx: ServiceCtx, input: z.infer<typeof contestRegisterInput>) {
  const { event, contest } = await visibleEvent(ctx, input.eventId);
  assertEnteringParty(ctx, contest);
  // a scoped officer enters only members of their unit and the units below it
  await assertMemberInScope(ctx, input.memberId);
  const result = await enterMember(ctx, { event, contest, memberId: input.memberId, yearsInTrade: input.yearsInTrade, certificates: input.certificates, consentAt: ctx.now, idempotencyKey: input.idempotencyKey });
  const [dto] = (await registrationDtos(ctx, event, [result.row])) as [RegistrationDto];
  return { registration: dto, created: result.created, outcome: result.outcome };
}

/**
 * Withdraws a home federation's registration before the window closes (the member through their
 * application, or their federation's staff): the place goes back to the city's share. Repeating
 * it is harmless. The caller is the home federation (ctx.tenantId).
 */
export async function withdrawEntry(ctx: ServiceCtx, registrationId: string, opts: { inScope?: boolean } = {}): Promise<ContestRegistrationRow> {
  const [r] = await ctx.db
    .select()
    .from(contestRegistrations)
    .where(and(eq(contestRegistrations.tenantId, ctx.tenantId), eq(contestRegistrations.id, registrationId)))
    .for('update');
  if (!r) throw new AppError('NOT_FOUND');
  // staff withdrawing an entry: a scoped officer only their unit's members'
  if (opts.inScope) await assertMemberInScope(ctx, r.memberId);
  if (r.status === 'withdrawn') return r;
  const { event } = await visibleEvent(ctx, r.poolId);
  assertWindowOpen(ctx, event);
  const [row] = await ctx.db
    .update(contestRegistrations)
    .set({ status: 'withdrawn', rowVersion: r.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(contestRegistrations.tenantId, r.tenantId), eq(contestRegistrations.id, r.id)))
    .returning();
  if ((ACTIVE as readonly string[]).includes(r.status) && r.status !== 'waitlisted') {
    await free(ctx, { hostTenantId: r.hostTenantId, poolId: r.poolId, partyTenantId: r.tenantId, units: r.units, onShare: r.onShare, quota: null });
  }
  await auditAll(ctx, [ctx.tenantId, event.tenantId], { type: 'contest.withdrawn', entityType: 'contest_registration', entityId: r.id, data: { eventId: event.id } });
  return row!;
}
