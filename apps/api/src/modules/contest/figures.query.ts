import type { ServiceCtx } from '../../service.ts';
import { enteringParties } from './contest.access.ts';
import { findAppeals, findCertificatesOfEvent, findEntrants, findEventsOfContests, findFederations, findVisibleContests } from './contest.repo.ts';

// Entrants, awards and titles per city over a year's contests the caller's federation is named in
// (for an agreement: its contests) — the contests panel and the cooperation report both show these.

export async function contestFigures(ctx: ServiceCtx, year: number, agreementId: string | null) {
  const contests = (await findVisibleContests(ctx)).filter((c) => c.year === year && (!agreementId || c.agreementId === agreementId));
  const events = await findEventsOfContests(ctx, contests.map((c) => c.id));
  const cities = [...new Set(contests.flatMap(enteringParties))];
  const counts = new Map(cities.map((c) => [c, { entrants: 0, awards: 0, titles: 0 }]));
  const openAppeals: { id: string; eventId: string; contestId: string; trade: string }[] = [];
  for (const e of events) {
    for (const ap of await findAppeals(ctx, e.id)) if (ap.status === 'filed') openAppeals.push({ id: ap.id, eventId: e.id, contestId: e.contestId, trade: e.trade });
    for (const en of await findEntrants(ctx, e.id)) counts.get(en.homeTenantId)!.entrants++;
    for (const cert of await findCertificatesOfEvent(ctx, e.id)) {
      const row = counts.get(cert.homeTenantId)!;
      row.awards++;
      if (cert.title) row.titles++;
    }
  }
  const feds = await findFederations(ctx, cities);
  return {
    contests: contests.map((c) => ({ id: c.id, title: c.title })),
    events: events.length,
    openAppeals,
    perCity: cities.map((c) => ({ tenantId: c, slug: feds.get(c)?.slug ?? c, nameZh: feds.get(c)?.nameZh ?? '', nameEn: feds.get(c)?.nameEn ?? '', ...counts.get(c)! })),
  };
}
