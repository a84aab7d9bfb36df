import type { EligibilityDto, RefusalDto } from '@uc/contracts';
import { refusalMessage } from '@uc/contracts';
import { memberHonours, members, orgUnits, recuperationBookings, recuperationRoutes } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { BatchRow } from './batches.ts';
import { isBookable } from './batches.ts';
import { checkRules, policyInForce, priorityOf, type PastBooking, type PolicyRules, type Refusal } from './policy.rules.ts';
import { policiesOf } from './policy.ts';
import type { BookingRow } from './booking.dto.ts';
import { agreementBetween, quotaFor, type AgreementGrant } from './quota.ts';
import { federationNames, today, yearOf, type FederationName } from './recuperation.common.ts';

// Everything a booking decision needs about one member and one batch, read in the member's HOME
// tenant context: the member record (consented snapshot), history, the policy in force on the
// batch's start date, the agreement and the places left. The reads are issued together: on the
// server they are pipelined on the transaction's connection.

export interface MemberSnapshot {
  id: string;
  name: string;
  gender: string | null;
  mobile: string | null;
  idNumberMasked: string;
  orgUnitId: string;
  orgUnitName: string;
}

export interface Assessment {
  member: MemberSnapshot;
  route: { title: string; pricePerDayFen: number };
  tripDays: number;
  policy: PolicyRules | null;
  refusals: Refusal[];
  groups: EligibilityDto['groups'];
  priorityRank: number;
  /** null: a member of the host itself (no agreement places) */
  agreement: (AgreementGrant & { quotaId: string | null; allocationId: string | null; placesLeft: number }) | null;
  /** the member's active booking of this batch, if any */
  activeBookingId: string | null;
  /** a booking with the given idempotency key, or the active one of this batch: a repeat returns it */
  prior: BookingRow | null;
  host: FederationName;
  home: FederationName;
}

export const ACTIVE = ['waitlisted', 'offered', 'requested', 'approved', 'confirmed'];

export async function assess(
  ctx: Pick<ServiceCtx, 'db' | 'now'>,
  homeTenantId: string,
  memberId: string,
  batch: BatchRow,
  opts: { excludeBookingId?: string; checkWindow?: boolean; idempotencyKey?: string } = {},
): Promise<Assessment | null> {
  const [memberRows, honours, allBookings, policies, routeRows, agreement, names] = await Promise.all([
    ctx.db
      .select({ id: members.id, name: members.name, gender: members.gender, mobile: members.mobile, idNumberMasked: members.idNumberMasked, orgUnitId: members.orgUnitId, orgUnitName: orgUnits.name, frontline: members.frontline })
      .from(members)
      .innerJoin(orgUnits, and(eq(orgUnits.tenantId, members.tenantId), eq(orgUnits.id, members.orgUnitId)))
      .where(and(eq(members.tenantId, homeTenantId), eq(members.id, memberId))),
    ctx.db.select({ kind: memberHonours.kind, validFrom: memberHonours.validFrom, validUntil: memberHonours.validUntil }).from(memberHonours).where(and(eq(memberHonours.tenantId, homeTenantId), eq(memberHonours.memberId, memberId))),
    ctx.db.select().from(recuperationBookings).where(and(eq(recuperationBookings.tenantId, homeTenantId), eq(recuperationBookings.memberId, memberId))),
    policiesOf(ctx, homeTenantId),
    ctx.db.select({ title: recuperationRoutes.title, pricePerDayFen: recuperationRoutes.pricePerDayFen }).from(recuperationRoutes).where(and(eq(recuperationRoutes.tenantId, batch.tenantId), eq(recuperationRoutes.id, batch.routeId))),
    batch.tenantId === homeTenantId ? Promise.resolve(null) : agreementBetween(ctx, batch.tenantId, homeTenantId, batch.startDate),
    federationNames(ctx, [batch.tenantId, homeTenantId]),
  ]);
  const m = memberRows[0];
  if (!m) return null;
  const prior = opts.idempotencyKey
    ? (allBookings.find((b) => b.idempotencyKey === opts.idempotencyKey) ?? allBookings.find((b) => b.batchId === batch.id && ACTIVE.includes(b.status)) ?? null)
    : null;
  const history = allBookings
    .filter((b) => b.id !== opts.excludeBookingId)
    .map((b) => ({ id: b.id, batchId: b.batchId, status: b.status, startDate: b.batchStart, days: b.tripDays, pricePerDayFen: b.pricePerDayFen, cancelKind: b.cancelKind, cancelJustified: b.cancelJustified }));
  const route = routeRows[0] ?? { title: '', pricePerDayFen: 0 };
  const tripDays = batch.nights + 1;
  const refusals: Refusal[] = [];
  const activeBookingId = history.find((b) => b.batchId === batch.id && ACTIVE.includes(b.status))?.id ?? null;
  if (activeBookingId) refusals.push({ code: 'already_booked', vars: {} });
  if (opts.checkWindow !== false && !isBookable(batch, today(ctx))) {
    refusals.push(batch.status !== 'open' ? { code: 'batch_not_open', vars: {} } : { code: 'window_closed', vars: { opens: batch.bookingOpens, closes: batch.bookingCloses } });
  }

  let grant: Assessment['agreement'] = null;
  if (batch.tenantId !== homeTenantId) {
    const year = yearOf(batch.startDate);
    if (!agreement) refusals.push({ code: 'not_partner', vars: {} });
    else if (!agreement.granted) refusals.push({ code: 'no_agreement_places', vars: { year } });
    else {
      const q = await quotaFor(ctx, { receiverTenantId: homeTenantId, hostTenantId: batch.tenantId, agreementId: agreement.agreementId, year, orgUnitId: m.orgUnitId });
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

/** The member's bookings the rules weigh a trip against: all but those of the batch itself (and the one being judged). */
export function pastBookings(all: BookingRow[], batchId: string, excludeBookingId?: string): PastBooking[] {
  return all
    .filter((b) => b.batchId !== batchId && b.id !== excludeBookingId)
    .map((b) => ({ status: b.status, startDate: b.batchStart, days: b.tripDays, pricePerDayFen: b.pricePerDayFen, cancelKind: b.cancelKind, cancelJustified: b.cancelJustified }));
}

export function localise(refusals: Refusal[], locale: string): RefusalDto[] {
  return refusals.map((r) => ({ code: r.code, vars: r.vars, message: refusalMessage(r.code, locale, r.vars) }));
}

export function toEligibilityDto(a: Assessment, locale: string): EligibilityDto {
  return {
    eligible: a.refusals.length === 0,
    reasons: localise(a.refusals, locale),
    policyId: a.policy?.id ?? null,
    groups: a.groups,
    priorityRank: a.priorityRank,
    placesLeft: a.agreement ? a.agreement.placesLeft : null,
  };
}

/** Member ids of the home federation that exist (for nominations). */
export async function existingMembers(ctx: Pick<ServiceCtx, 'db' | 'tenantId'>, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await ctx.db.select({ id: members.id }).from(members).where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, ids)));
  return new Set(rows.map((r) => r.id));
}
