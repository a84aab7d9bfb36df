import type { RegistrationDto } from '@uc/contracts';
import type { ContestEventRow, ContestRegistrationRow } from '@uc/db';
import type { ServiceCtx } from '../../service.ts';
import { membersInScope } from '../orgUnit/index.ts';
import { visibleEvent } from './contest.access.ts';
import { fedOf } from './contest.dto.ts';
import { findEntrants, findFederations, findRegistrationsOfEvent } from './contest.repo.ts';

// The registration roster: the organiser sees every city's entrants, a party its own.

export async function registrationDtos(ctx: ServiceCtx, event: ContestEventRow, rows: ContestRegistrationRow[]): Promise<RegistrationDto[]> {
  const feds = await findFederations(ctx, rows.map((r) => r.tenantId));
  const numbers = new Map((await findEntrants(ctx, event.id)).map((e) => [e.id, e.number]));
  return rows.map((r) => ({
    id: r.id,
    eventId: event.id,
    memberName: r.memberName,
    federation: fedOf(feds, r.tenantId, ctx.locale),
    status: r.status,
    number: numbers.get(r.id) ?? null,
    yearsInTrade: r.yearsInTrade,
    certificates: r.certificates,
    consentAt: r.consentAt.toISOString(),
  }));
}

export async function listRegistrations(ctx: ServiceCtx, eventId: string): Promise<RegistrationDto[]> {
  const { event } = await visibleEvent(ctx, eventId);
  const rows = await findRegistrationsOfEvent(ctx, event.id, ['registered']);
  // a scoped officer sees of their own federation's entrants only those of their units
  const own = await membersInScope(ctx, rows.filter((r) => r.tenantId === ctx.tenantId).map((r) => r.memberId));
  return registrationDtos(ctx, event, rows.filter((r) => r.tenantId !== ctx.tenantId || own.has(r.memberId)));
}
