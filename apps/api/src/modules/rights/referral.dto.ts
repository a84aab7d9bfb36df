import type { ReferralDto, ReferralStatus } from '@uc/contracts';
import { pendingTransferRequest } from './referral.rules.ts';
import { computeClocks, computeHourClocks, hourPolicyLookupFrom, policyLookupFrom, type ClockEvent, type ServiceLevels } from './sla.rules.ts';
import type { FedRef, ReferralEventRow, ReferralRow } from './rights.types.ts';

// Referral rows and their events → DTOs, with the clocks computed from the events (no queries).

export const clockEventsOf = (events: readonly ReferralEventRow[]): ClockEvent[] =>
  events.map((e) => ({
    status: e.status as ReferralStatus,
    at: e.at,
    performerTenantId: e.performerTenantId,
    beforeHold: e.status === 'on_hold' ? ((e.data.from as ReferralStatus | undefined) ?? null) : null,
    type: e.type,
  }));

export function clocksOf(r: ReferralRow, events: readonly ReferralEventRow[], levels: ServiceLevels, now: Date) {
  return computeClocks(clockEventsOf(events), now, r.tenantId, policyLookupFrom(levels));
}

/** The hotline's hour clocks (docs/decisions/0055): only for a referral of a case that came in on 12351. */
export function hourClocksOf(r: ReferralRow, events: readonly ReferralEventRow[], levels: ServiceLevels, now: Date) {
  return r.hotline ? computeHourClocks(clockEventsOf(events), now, r.tenantId, hourPolicyLookupFrom(levels)) : [];
}

const fed = (feds: Map<string, FedRef>, id: string): FedRef => feds.get(id) ?? { id, slug: '', nameZh: '', nameEn: '' };

export function toReferralDto(
  r: ReferralRow,
  events: readonly ReferralEventRow[],
  ctx: { tenantId: string; now: Date; feds: Map<string, FedRef>; levels: ServiceLevels; consentActive: boolean },
): ReferralDto {
  return {
    id: r.id,
    caseId: r.caseId,
    agreementId: r.agreementId,
    status: r.status as ReferralStatus,
    side: r.tenantId === ctx.tenantId ? 'referred' : 'received',
    referrer: fed(ctx.feds, r.tenantId),
    performer: fed(ctx.feds, r.performerTenantId),
    disputeKind: r.disputeKind as ReferralDto['disputeKind'],
    assignee: r.assignee,
    outcome: r.outcome,
    amountRecoveredFen: r.amountRecoveredFen,
    consentActive: ctx.consentActive,
    transferRequest: transferRequestOf(events, ctx.feds),
    rowVersion: r.rowVersion,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    clocks: clocksOf(r, events, ctx.levels, ctx.now),
    hourClocks: hourClocksOf(r, events, ctx.levels, ctx.now),
  };
}

/** The performer's pending transfer request, as the referral page shows it. */
function transferRequestOf(events: readonly ReferralEventRow[], feds: Map<string, FedRef>): ReferralDto['transferRequest'] {
  const e = pendingTransferRequest(events);
  if (!e) return null;
  return { to: fed(feds, String(e.data.to)), reason: String(e.data.reason ?? ''), at: e.at.toISOString(), by: e.actorLabel };
}

/** Federations named inside events (a requested transfer's target), for the lookup that names them. */
export const federationsNamedIn = (events: readonly ReferralEventRow[]): string[] => events.flatMap((e) => (e.type === 'request_transfer' && typeof e.data.to === 'string' ? [e.data.to] : []));

export function toEventDto(e: ReferralEventRow, feds: Map<string, FedRef>) {
  return {
    seq: e.seq,
    type: e.type,
    status: e.status as ReferralStatus,
    actor: { federation: fed(feds, e.actorTenantId), label: e.actorLabel },
    performer: fed(feds, e.performerTenantId),
    at: e.at.toISOString(),
    data: e.data,
  };
}
