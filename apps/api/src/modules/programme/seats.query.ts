import type { ServiceCtx } from '../../service.ts';
import { findActiveAgreementWithContent, findFederationNames } from './programme.repo.ts';
import { seatsOfCity, seatsPerCity } from './programme.rules.ts';
import type { EventRow } from './programme.types.ts';

// The clause's seats of each city of an event (host and partner): what the agreement in force
// gives that city's members at each session (its own figure where the directions differ).

/** Each city's clause figure by tenant id; null for both when the agreement is no longer in force or covers no programmes. */
export async function clauseSeats(ctx: ServiceCtx, agreementId: string, cities: string[]): Promise<Map<string, number | null>> {
  const a = await findActiveAgreementWithContent(ctx, agreementId);
  const names = await findFederationNames(ctx, cities);
  return new Map(cities.map((t) => [t, a ? seatsPerCity(a.content as never, names.get(t)?.slug ?? '') : null]));
}

/** Each city's seats per session by default: the event's figure within the city's own clause figure. */
export async function eventSeatsByCity(ctx: ServiceCtx, e: EventRow): Promise<Map<string, number>> {
  const clauses = await clauseSeats(ctx, e.agreementId, [e.tenantId, e.partnerTenantId]);
  return new Map([...clauses].map(([t, c]) => [t, seatsOfCity(e.seatsPerCity, c)]));
}
