import type { ResultsDto } from '@uc/contracts';
import type { ContestEventRow, ContestRow } from '@uc/db';
import { AppError } from '../../errors.ts';
import { chinaDate } from '../../lib/dates.ts';
import type { ServiceCtx } from '../../service.ts';
import { visibleEvent } from './contest.access.ts';
import { fedOf, stageOf } from './contest.dto.ts';
import { findAppeals, findEntrants, findFederations, findRegistrationsOfEvent } from './contest.repo.ts';
import { eventMarks } from './theory.query.ts';
import { appealUntil, awardFor, rank, scoreEntrant } from './contest.rules.ts';

// Results are derived from the raw marks (and their audited overrides) every time they are
// read: ranks, ties, awards and advancement are never stored, so a re-mark can never leave a
// stale total behind. The organiser sees them once marking starts; the parties once published.

export async function rankedEntrants(ctx: ServiceCtx, event: ContestEventRow) {
  const [entrants, { all: marks }] = await Promise.all([findEntrants(ctx, event.id), eventMarks(ctx, event)]);
  const scores = entrants.map((e) => scoreEntrant(event.aspects, event.theoryWeight, { id: e.id, number: e.number }, marks));
  const home = new Map(entrants.map((e) => [e.id, e.homeTenantId]));
  return rank(scores).map((s) => ({ ...s, homeTenantId: home.get(s.entrantId)!, award: awardFor(s.rank, s.complete), advanced: event.advance > 0 && s.complete && s.rank <= event.advance }));
}

export async function resultsOf(ctx: ServiceCtx, event: ContestEventRow, contest: ContestRow): Promise<ResultsDto> {
  if (contest.tenantId !== ctx.tenantId && !event.publishedAt) throw new AppError('CONTEST_STATE', { reason: 'not_published' });
  const [ranked, regs, appeals, feds] = await Promise.all([rankedEntrants(ctx, event), findRegistrationsOfEvent(ctx, event.id), findAppeals(ctx, event.id), findFederations(ctx, contest.partyTenantIds)]);
  const names = new Map(regs.map((r) => [r.id, r.memberName]));
  const entrants = await findEntrants(ctx, event.id);
  const numberOf = new Map(entrants.map((e) => [e.id, e.number]));
  return {
    eventId: event.id,
    stage: stageOf(event, chinaDate(ctx.now)),
    publishedAt: event.publishedAt?.toISOString() ?? null,
    appealUntil: event.publishedAt ? appealUntil(event.publishedAt, event.appealHours).toISOString() : null,
    rows: ranked.map((r) => ({
      number: r.number,
      rank: r.rank,
      name: names.get(r.entrantId) ?? '',
      federation: fedOf(feds, r.homeTenantId, ctx.locale),
      theory: r.theory,
      practical: r.practical,
      total: r.total,
      award: r.award?.award ?? null,
      advanced: r.advanced,
      complete: r.complete,
      entrantId: r.entrantId,
    })),
    appeals: appeals.map((a) => ({ id: a.id, number: numberOf.get(a.entrantId) ?? 0, reason: a.reason, status: a.status, decisionReason: a.decisionReason, filedAt: a.filedAt.toISOString() })),
  };
}

export async function results(ctx: ServiceCtx, eventId: string): Promise<ResultsDto> {
  const { event, contest } = await visibleEvent(ctx, eventId);
  if (!event.drawnAt) throw new AppError('CONTEST_STATE', { reason: 'not_drawn' });
  return resultsOf(ctx, event, contest);
}
