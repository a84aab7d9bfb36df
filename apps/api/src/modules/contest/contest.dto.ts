import type { ContestDto, ContestEventDto } from '@uc/contracts';
import type { ContestEventRow, ContestRow } from '@uc/db';
import { appealUntil } from './contest.rules.ts';
import { enteringParties } from './contest.access.ts';

// Rows → DTOs, no queries.

/** Each party city's share of an event's pool: its quota and the entrants it holds. */
export type CityShares = Map<string, { units: number; taken: number }>;

export type Feds = Map<string, { id: string; slug: string; nameZh: string; nameEn: string }>;

const fed = (feds: Feds, id: string, locale: string) => {
  const f = feds.get(id);
  return { slug: f?.slug ?? '', name: (locale === 'en' ? f?.nameEn : f?.nameZh) ?? '' };
};
export { fed as fedOf };

export function contestDto(c: ContestRow, feds: Feds, ctx: { tenantId: string; locale: string }, eventCount: number): ContestDto {
  return {
    id: c.id,
    agreementId: c.agreementId,
    title: c.title,
    year: c.year,
    organiser: fed(feds, c.tenantId, ctx.locale),
    parties: c.partyTenantIds.map((t) => ({ ...fed(feds, t, ctx.locale), role: t === c.tenantId ? 'organiser' : c.judgingPartnerTenantIds.includes(t) ? 'judging_partner' : 'party' })),
    isOrganiser: c.tenantId === ctx.tenantId,
    eventCount,
    rowVersion: c.rowVersion,
  };
}

export function stageOf(e: ContestEventRow, today: string): ContestEventDto['stage'] {
  if (e.finalisedAt) return 'finalised';
  if (e.publishedAt) return 'published';
  if (e.lockedAt) return 'locked';
  if (e.drawnAt) return 'drawn';
  return today > e.registrationCloses ? 'closed' : 'registration';
}

export function eventDto(e: ContestEventRow, c: ContestRow, feds: Feds, ctx: { locale: string }, today: string, shares: CityShares, finalId: string | null, markingBegun: boolean): ContestEventDto {
  const published = e.publishedAt;
  return {
    id: e.id,
    contestId: e.contestId,
    trade: e.trade,
    venue: e.venue,
    eventDate: e.eventDate,
    registrationOpens: e.registrationOpens,
    registrationCloses: e.registrationCloses,
    minAge: e.minAge,
    maxAge: e.maxAge,
    minYearsInTrade: e.minYearsInTrade,
    requiredCertificates: e.requiredCertificates,
    quotaPerCity: e.quotaPerCity,
    theoryWeight: e.theoryWeight,
    aspects: e.aspects,
    advance: e.advance,
    appealHours: e.appealHours,
    noticeDays: e.noticeDays,
    stage: stageOf(e, today),
    markingBegun,
    round: e.round === 'final' ? 'final' : 'preliminary',
    preliminaryId: e.preliminaryId,
    finalId,
    drawSeed: e.drawSeed,
    publishedAt: published?.toISOString() ?? null,
    appealUntil: published ? appealUntil(published, e.appealHours).toISOString() : null,
    noticeUntil: published ? new Date(published.getTime() + e.noticeDays * 86_400_000).toISOString() : null,
    cities: enteringParties(c).map((t) => ({ ...fed(feds, t, ctx.locale), quota: shares.get(t)?.units ?? e.quotaPerCity, registered: shares.get(t)?.taken ?? 0 })),
    rowVersion: e.rowVersion,
  };
}
