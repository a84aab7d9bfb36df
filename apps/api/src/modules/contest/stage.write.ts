import type { advanceInput } from '@uc/contracts';
import { asTenant, type ContestEventRow, type ContestRegistrationRow } from '@uc/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { claim, createPool, findPoolById } from '../place/index.ts';
import { assertOrganiser, enteringParties, visibleEvent } from './contest.access.ts';
import { findAppeals, findFinalsOf, findRegistrationsOfEvent, insertEvent, insertRegistrationUnlessExists, lockEvent, registrationClaims } from './contest.repo.ts';
import { appealUntil } from './contest.rules.ts';
import { auditAll, POOL_KIND } from './contest.write.ts';
import { ACTIVE } from './registration.write.ts';
import { rankedEntrants } from './result.query.ts';

// Stages 初赛 → 决赛 (decision 0033): once a preliminary's results are published and its appeal
// window has closed with every appeal decided, the organiser advances its top N — as ranked from
// the marks at that moment (rankedEntrants: never a stored or edited total) — into a final: an
// event of its own (round 'final') whose places are a pool of the engine with one share per city
// (as many units as the city has finalists), each finalist entered by their home federation's
// claim. The final then runs through the very same draw, panel, marking, lock, results, appeal
// and certificate code as any event. Advancing again answers the final already made.

export async function advance(ctx: ServiceCtx, input: z.infer<typeof advanceInput>): Promise<ContestEventRow> {
  const { contest } = await visibleEvent(ctx, input.eventId);
  assertOrganiser(ctx, contest);
  const prelim = (await lockEvent(ctx, ctx.tenantId, input.eventId, 'update'))!;
  const [made] = await findFinalsOf(ctx, [prelim.id]);
  if (made) return (await visibleEvent(ctx, made.id)).event;
  if (prelim.round !== 'preliminary' || prelim.advance <= 0) throw new AppError('CONTEST_STATE', { reason: 'no_next_stage' });
  if (!prelim.publishedAt) throw new AppError('CONTEST_STATE', { reason: 'not_published' });
  const until = appealUntil(prelim.publishedAt, prelim.appealHours);
  if (ctx.now <= until) throw new AppError('CONTEST_STATE', { reason: 'appeal_window_open', appealUntil: until.toISOString() });
  if ((await findAppeals(ctx, prelim.id)).some((a) => a.status === 'filed')) throw new AppError('CONTEST_STATE', { reason: 'appeal_pending' });
  if (input.eventDate < prelim.eventDate) throw new AppError('BAD_INPUT', { fields: { eventDate: 'final_before_preliminary' } });

  const advancing = (await rankedEntrants(ctx, prelim)).filter((r) => r.advanced);
  if (!advancing.length) throw new AppError('CONTEST_STATE', { reason: 'nobody_advances' });
  const perCity = new Map<string, number>();
  for (const r of advancing) perCity.set(r.homeTenantId, (perCity.get(r.homeTenantId) ?? 0) + 1);
  const pool = await createPool(ctx, {
    kind: POOL_KIND,
    capacity: advancing.length,
    shares: enteringParties(contest).map((partyTenantId) => ({ partyTenantId, units: perCity.get(partyTenantId) ?? 0 })),
  });
  // the final's entry window is the preliminary's (closed): its numbers can be drawn at once
  const final = await insertEvent(ctx, {
    id: pool.id,
    contestId: prelim.contestId,
    trade: prelim.trade,
    venue: input.venue ?? prelim.venue,
    eventDate: input.eventDate,
    registrationOpens: prelim.registrationOpens,
    registrationCloses: prelim.registrationCloses,
    minAge: prelim.minAge,
    maxAge: prelim.maxAge,
    minYearsInTrade: prelim.minYearsInTrade,
    requiredCertificates: prelim.requiredCertificates,
    quotaPerCity: Math.max(0, ...perCity.values()),
    theoryWeight: prelim.theoryWeight,
    aspects: prelim.aspects,
    advance: 0,
    appealHours: prelim.appealHours,
    noticeDays: prelim.noticeDays,
    round: 'final',
    preliminaryId: prelim.id,
  });

  // each finalist is entered by their home federation's claim on the final's pool (the preliminary's consent carries over)
  const regs = new Map((await findRegistrationsOfEvent(ctx, prelim.id, ['registered'])).map((r) => [r.id, r]));
  const entered: string[] = [];
  for (const r of advancing) {
    const from = regs.get(r.entrantId);
    if (!from) throw new AppError('CONTEST_STATE', { reason: 'entrant_without_registration' });
    const home: ServiceCtx = { ...ctx, tenantId: from.tenantId };
    const row = await asTenant(ctx.db, from.tenantId, async () => {
      const p = (await findPoolById(home, { hostTenantId: final.tenantId, poolId: final.id }))!;
      const got = await claim<ContestRegistrationRow>(home, registrationClaims, {
        pool: p,
        partyTenantId: from.tenantId,
        memberId: from.memberId,
        units: 1,
        quota: null,
        idempotencyKey: `final:${from.id}`,
        active: ACTIVE,
        insert: () =>
          insertRegistrationUnlessExists(home, {
            tenantId: from.tenantId,
            hostTenantId: final.tenantId,
            poolId: final.id,
            contestId: final.contestId,
            memberId: from.memberId,
            memberName: from.memberName,
            birthDate: from.birthDate,
            yearsInTrade: from.yearsInTrade,
            certificates: from.certificates,
            consentAt: from.consentAt,
            registeredByUserId: ctx.actor.userId,
            status: 'registered',
            requestedAt: ctx.now,
            idempotencyKey: `final:${from.id}`,
          }),
      });
      if (got.outcome !== 'held') throw new AppError('CONFLICT');
      return got.row;
    });
    entered.push(row.id);
  }
  await auditAll(ctx, contest.partyTenantIds, {
    type: 'contest.advanced',
    entityType: 'contest_event',
    entityId: final.id,
    data: { preliminaryId: prelim.id, numbers: advancing.map((r) => r.number), ranks: advancing.map((r) => r.rank), registrationIds: entered },
  });
  return final;
}
