import type { AgreementContent, EligibilityDto } from '@uc/contracts';
import type { ServiceCtx } from '../../service.ts';
import { findQuotaForUnit } from '../place/index.ts';
import { checkRules, pastBookings, policyInForce, priorityOf, toRules, type Refusal } from './policy.rules.ts';
import { placesPerYear } from './quota.rules.ts';
import {
  findActiveAgreementBetween,
  findBookingsByMember,
  findBookingsByMembers,
  findFederationNames,
  findHonoursOfMember,
  findMemberWithUnit,
  findPoliciesOf,
  findRouteTitleAndPrice,
  findUncertifiedBasesOfRoute,
} from './recuperation.repo.ts';
import { endDateOf, isBookable, today, yearOf } from './recuperation.rules.ts';
import { ACTIVE, PENDING, QUOTA_KIND, type AgreementGrant, type Assessment, type BatchRow, type BookingRow } from './recuperation.types.ts';

// Everything a booking decision needs about one member and one batch, read in the member's HOME
// tenant context: the member record (consented snapshot), history, the policy in force on the
// batch's start date, the agreement and the places left. The reads are issued together: on the
// server they are pipelined on the transaction's connection.

/** The active agreement between host and receiver in force on `onDate`, with the places the host grants a year (by the host's slug: the directions may differ). */
async function agreementBetween(ctx: Pick<ServiceCtx, 'db'>, hostTenantId: string, receiverTenantId: string, onDate: string): Promise<((hostSlug: string) => AgreementGrant) | null> {
  const row = await findActiveAgreementBetween(ctx, hostTenantId, receiverTenantId, onDate);
  if (!row) return null;
  return (hostSlug) => ({ agreementTenantId: row.tenantId, agreementId: row.id, title: row.title, granted: placesPerYear(row.content as AgreementContent, hostSlug) });
}

export async function assess(
  ctx: Pick<ServiceCtx, 'db' | 'now'>,
  homeTenantId: string,
  memberId: string,
  batch: BatchRow,
  opts: { excludeBookingId?: string; checkWindow?: boolean; idempotencyKey?: string } = {},
): Promise<Assessment | null> {
  const [m, honours, allBookings, policyRows, routeRow, agreementOf, names, uncertified] = await Promise.all([
    findMemberWithUnit(ctx, homeTenantId, memberId),
    findHonoursOfMember(ctx, homeTenantId, memberId),
    findBookingsByMember(ctx, homeTenantId, memberId),
    findPoliciesOf(ctx, homeTenantId),
    findRouteTitleAndPrice(ctx, batch.tenantId, batch.routeId),
    batch.tenantId === homeTenantId ? Promise.resolve(null) : agreementBetween(ctx, batch.tenantId, homeTenantId, batch.startDate),
    findFederationNames(ctx, [batch.tenantId, homeTenantId]),
    findUncertifiedBasesOfRoute(ctx, batch.tenantId, batch.routeId, batch.startDate, endDateOf(batch.startDate, batch.nights)),
  ]);
  if (!m) return null;
  const agreement = agreementOf?.(names.get(batch.tenantId)?.slug ?? '') ?? null;
  const policies = policyRows.map(toRules);
  const prior = opts.idempotencyKey
    ? (allBookings.find((b) => b.idempotencyKey === opts.idempotencyKey) ?? allBookings.find((b) => b.batchId === batch.id && ACTIVE.includes(b.status)) ?? null)
    : null;
  const history = allBookings.filter((b) => b.id !== opts.excludeBookingId);
  const route = routeRow ?? { title: '', pricePerDayFen: 0 };
  const tripDays = batch.nights + 1;
  const refusals: Refusal[] = [];
  const activeBookingId = history.find((b) => b.batchId === batch.id && ACTIVE.includes(b.status))?.id ?? null;
  if (activeBookingId) refusals.push({ code: 'already_booked', vars: {} });
  for (const base of uncertified) refusals.push({ code: 'base_not_certified', vars: { base: base.name, until: base.certifiedUntil } });
  if (opts.checkWindow !== false && !isBookable(batch, today(ctx))) {
    refusals.push(batch.status !== 'open' ? { code: 'batch_not_open', vars: {} } : { code: 'window_closed', vars: { opens: batch.bookingOpens, closes: batch.bookingCloses } });
  }

  let grant: Assessment['agreement'] = null;
  if (batch.tenantId !== homeTenantId) {
    const year = yearOf(batch.startDate);
    if (!agreement) refusals.push({ code: 'not_partner', vars: {} });
    else if (!agreement.granted) refusals.push({ code: 'no_agreement_places', vars: { year } });
    else {
      const q = await findQuotaForUnit(ctx, { kind: QUOTA_KIND, receiverTenantId: homeTenantId, hostTenantId: batch.tenantId, agreementId: agreement.agreementId, year, orgUnitId: m.orgUnitId });
      const left = q ? q.placesLeft : agreement.granted;
      if (left < 1) refusals.push({ code: 'quota_exhausted', vars: { year, granted: agreement.granted } });
      grant = { ...agreement, quotaId: q?.quotaId ?? null, allocationId: q?.allocationId ?? null, placesLeft: Math.max(0, left) };
    }
  }

  const past = pastBookings(allBookings, batch.id, opts.excludeBookingId);
  const policy = policyInForce(policies, batch.startDate);
  let groups: EligibilityDto['groups'] = [];
  let priorityRank = 99;
  if (!policy) refusals.push({ code: 'no_policy', vars: {} });
  else {
    refusals.push(...checkRules(policy, { startDate: batch.startDate, days: tripDays, pricePerDayFen: route.pricePerDayFen }, past));
    ({ groups, rank: priorityRank } = priorityOf(policy, { frontline: !!m.frontline, honours }, past, batch.startDate));
  }
  const { frontline: _f, ...member } = m;
  const host = names.get(batch.tenantId)!;
  const home = names.get(homeTenantId)!;
  return { member, route, tripDays, policy, refusals, groups, priorityRank, agreement: grant, activeBookingId, prior, host, home };
}

// The home federation's second look at bookings still waiting for its decision: the policy in
// force on the trip's start date, checked again against the member's history as it is now
// (another trip may have been taken, or the policy replaced, since the member asked). The same
// rules (policy.rules.ts) and history as the member's own check; the trip is the booking's
// snapshot. Places are not re-checked: a pending booking already holds its own. Two reads for
// any number of bookings: the policies, and the histories of all their members.

/** Refusals per booking id, for the pending bookings of the caller's federation among rows. */
export async function reviewBookings(ctx: ServiceCtx, rows: BookingRow[]): Promise<Map<string, Refusal[]>> {
  const pending = rows.filter((r) => r.tenantId === ctx.tenantId && PENDING.includes(r.status));
  const out = new Map<string, Refusal[]>();
  if (!pending.length) return out;
  const memberIds = [...new Set(pending.map((r) => r.memberId))];
  const [policyRows, history] = await Promise.all([findPoliciesOf(ctx, ctx.tenantId), findBookingsByMembers(ctx, memberIds)]);
  const policies = policyRows.map(toRules);
  for (const b of pending) {
    const policy = policyInForce(policies, b.batchStart);
    if (!policy) {
      out.set(b.id, [{ code: 'no_policy', vars: {} }]);
      continue;
    }
    const past = pastBookings(
      history.filter((h) => h.memberId === b.memberId),
      b.batchId,
      b.id,
    );
    out.set(b.id, checkRules(policy, { startDate: b.batchStart, days: b.tripDays, pricePerDayFen: b.pricePerDayFen }, past));
  }
  return out;
}
