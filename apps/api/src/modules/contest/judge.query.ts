import type { JudgeSheetDto } from '@uc/contracts';
import { z } from 'zod';
import type { panelDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { enteringParties, visibleEvent } from './contest.access.ts';
import { fedOf } from './contest.dto.ts';
import { countScores, findEntrants, findEventsOfContests, findFederations, findJudges, findJudgeUsers, findScoresOfJudge, findSeatsOfUser, findVisibleContests } from './contest.repo.ts';
import { assertOrganiser } from './contest.access.ts';
import { stageOf } from './contest.dto.ts';
import { chinaDate } from '../../lib/dates.ts';

// The panel as the named federations read it, and a judge's score sheet — blind: contestant
// numbers and the judge's own marks, never a name, a federation or another judge's mark.

export async function panel(ctx: ServiceCtx, eventId: string): Promise<z.infer<typeof panelDto>> {
  const { event, contest } = await visibleEvent(ctx, eventId);
  const [judges, entrants] = await Promise.all([findJudges(ctx, event.id), findEntrants(ctx, event.id)]);
  const cities = enteringParties(contest);
  const feds = await findFederations(ctx, contest.partyTenantIds);
  const perCity = new Map(cities.map((c) => [c, entrants.filter((e) => e.homeTenantId === c).length]));
  return {
    eventId: event.id,
    judges: judges.map((j) => ({ userId: j.userId, name: j.displayName, federation: fedOf(feds, j.judgeTenantId, ctx.locale), chief: j.chief, compatriotOf: perCity.get(j.judgeTenantId) ?? 0 })),
    entrantsByCity: cities.map((c) => ({ ...fedOf(feds, c, ctx.locale), entrants: perCity.get(c) ?? 0 })),
    uncovered: cities.filter((c) => !judges.some((j) => j.judgeTenantId !== c)).map((c) => fedOf(feds, c, ctx.locale).slug),
    frozen: !!event.lockedAt || (await countScores(ctx, event.id)) > 0,
  };
}

/** The caller's row on the event's panel (a judge of this federation), or NOT_FOUND. */
export async function myPanelSeat(ctx: ServiceCtx, eventId: string) {
  const judges = await findJudges(ctx, eventId);
  const seat = judges.find((j) => j.userId === ctx.actor.userId && j.judgeTenantId === ctx.tenantId);
  if (!seat) throw new AppError('NOT_FOUND');
  return seat;
}

export async function judgeSheet(ctx: ServiceCtx, eventId: string): Promise<JudgeSheetDto> {
  const { event } = await visibleEvent(ctx, eventId);
  await myPanelSeat(ctx, event.id);
  const entrants = await findEntrants(ctx, event.id);
  const numberOf = new Map(entrants.map((e) => [e.id, e.number]));
  const aspects = event.aspects.filter((a) => a.part === 'practical');
  const mine = (await findScoresOfJudge(ctx, event.id, ctx.actor.userId!)).filter((s) => aspects.some((a) => a.key === s.aspect));
  return {
    eventId: event.id,
    trade: event.trade,
    locked: !!event.lockedAt,
    // judges mark the practical aspects; theory comes from the exam sheet (theory.import.ts)
    aspects,
    // only those this judge may mark: not their compatriots
    contestants: entrants
      .filter((e) => e.homeTenantId !== ctx.tenantId)
      .map((e) => ({ number: e.number, marks: Object.fromEntries(mine.filter((s) => numberOf.get(s.entrantId) === e.number).map((s) => [s.aspect, s.mark])) })),
  };
}

/** Whom the chief judge may seat: users with the judge role in each federation the contest names. */
export async function judgeCandidates(ctx: ServiceCtx, eventId: string) {
  const { contest } = await visibleEvent(ctx, eventId);
  assertOrganiser(ctx, contest);
  const feds = await findFederations(ctx, contest.partyTenantIds);
  const out = [];
  for (const t of contest.partyTenantIds) {
    for (const u of await findJudgeUsers(ctx, t)) out.push({ userId: u.userId, name: u.name, federation: fedOf(feds, t, ctx.locale), chief: false, compatriotOf: 0 });
  }
  return out;
}

/** The events the caller judges (phone home page of a judge). */
export async function myJudgeEvents(ctx: ServiceCtx) {
  const seats = await findSeatsOfUser(ctx, ctx.actor.userId!);
  if (!seats.length) return [];
  const contests = await findVisibleContests(ctx);
  const events = (await findEventsOfContests(ctx, contests.map((c) => c.id))).filter((e) => seats.some((s) => s.eventId === e.id));
  const today = chinaDate(ctx.now);
  return events.map((e) => ({ eventId: e.id, trade: e.trade, venue: e.venue, eventDate: e.eventDate, contestTitle: contests.find((c) => c.id === e.contestId)?.title ?? '', stage: stageOf(e, today), chief: seats.find((s) => s.eventId === e.id)!.chief }));
}
