import type { ContestDetailDto, ContestDto, ContestEventDto } from '@uc/contracts';
import { asTenant, type ContestEventRow, type ContestRow } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import { chinaDate } from '../../lib/dates.ts';
import { availability } from '../place/index.ts';
import { enteringParties, visibleContest } from './contest.access.ts';
import { contestDto, eventDto, fedOf, type CityShares } from './contest.dto.ts';
import { findActiveAgreement, findEventsMarked, findEventsOfContests, findFederations, findFinalsOf, findVisibleContests } from './contest.repo.ts';
import { contestFigures, entrantsPerCity } from './contest.write.ts';

// contest.list and contest.get: what each named federation sees of its contests.

export async function listContests(ctx: ServiceCtx): Promise<ContestDto[]> {
  const rows = await findVisibleContests(ctx);
  const events = await findEventsOfContests(ctx, rows.map((c) => c.id));
  const feds = await findFederations(ctx, rows.flatMap((c) => c.partyTenantIds));
  return rows.map((c) => contestDto(c, feds, ctx, events.filter((e) => e.contestId === c.id).length));
}

/** Each party city's share of every event's pool: its quota (units) and the entrants it holds (taken), read as the organiser. */
export async function sharesByCity(ctx: ServiceCtx, events: ContestEventRow[]): Promise<Map<string, CityShares>> {
  const out = new Map<string, CityShares>();
  for (const e of events) {
    const a = await asTenant(ctx.db, e.tenantId, () => availability({ ...ctx, tenantId: e.tenantId }, { hostTenantId: e.tenantId, poolId: e.id }));
    out.set(e.id, new Map(a.shares.map((s) => [s.partyTenantId, { units: s.units, taken: s.taken }])));
  }
  return out;
}

export async function eventDtos(ctx: ServiceCtx, c: ContestRow, events: ContestEventRow[]) {
  const feds = await findFederations(ctx, c.partyTenantIds);
  const shares = await sharesByCity(ctx, events);
  const today = chinaDate(ctx.now);
  const finals = new Map((await findFinalsOf(ctx, events.map((e) => e.id))).map((f) => [f.preliminaryId!, f.id]));
  const marked = await findEventsMarked(ctx, c.tenantId, events.map((e) => e.id));
  return events.map((e) => eventDto(e, c, feds, ctx, today, shares.get(e.id) ?? new Map(), finals.get(e.id) ?? null, marked.has(e.id)));
}

/** One event as its contest's parties see it (what a mutation on it answers with). */
export async function eventDtoOf(ctx: ServiceCtx, e: ContestEventRow): Promise<ContestEventDto> {
  const [dto] = await eventDtos(ctx, await visibleContest(ctx, e.contestId), [e]);
  return dto!;
}

export async function getContest(ctx: ServiceCtx, id: string): Promise<ContestDetailDto> {
  const c = await visibleContest(ctx, id);
  const events = await findEventsOfContests(ctx, [c.id]);
  const feds = await findFederations(ctx, c.partyTenantIds);
  const a = await findActiveAgreement(ctx, c.agreementId);
  // the clause's entrants per event of each entering city (its own figure, else the common one)
  const byCity = a && contestFigures(a.content) ? enteringParties(c).map((t) => ({ ...fedOf(feds, t, ctx.locale), entrants: entrantsPerCity(a.content, feds.get(t)?.slug ?? '') ?? 0 })) : [];
  const same = byCity.every((x) => x.entrants === byCity[0]?.entrants);
  return {
    ...contestDto(c, feds, ctx, events.length),
    events: await eventDtos(ctx, c, events),
    entrantsPerCity: byCity.length && same ? byCity[0]!.entrants : null,
    entrantsByCity: byCity,
  };
}
