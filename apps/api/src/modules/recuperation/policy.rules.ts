import type { PolicyInput, PriorityGroup, RefusalCode } from '@uc/contracts';
import { formatYuan } from '@uc/contracts';

// The home federation's rules as pure functions (DOMAIN §3.4), so each rule is tested alone.
// A trip's year is the calendar year of its start date; "today" is China Standard Time.

export interface PolicyRules {
  id: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  maxDaysPerTrip: number;
  budgetPerDayFen: number;
  budgetPerYearFen: number;
  tripsPerYear: number;
  noRepeatYears: number;
  maxParts: number;
  priorityGroups: PriorityGroup[];
  givenUpCountsAsUsed: boolean;
}

/** The trip asked for. */
export interface Trip {
  startDate: string;
  days: number;
  pricePerDayFen: number;
}

/** A booking of the member's that may count against the rules. */
export interface PastBooking {
  status: string;
  startDate: string;
  days: number;
  pricePerDayFen: number;
  cancelKind: string | null;
  cancelJustified: boolean | null;
}

export interface Refusal {
  code: RefusalCode;
  vars: Record<string, string | number>;
}

const year = (date: string) => Number(date.slice(0, 4));

/** The policy in force on a date: the latest that started on or before it and has not ended. */
export function policyInForce<P extends Pick<PolicyRules, 'effectiveFrom' | 'effectiveTo'>>(policies: P[], date: string): P | null {
  let best: P | null = null;
  for (const p of policies) {
    if (p.effectiveFrom > date || (p.effectiveTo !== null && p.effectiveTo < date)) continue;
    if (!best || p.effectiveFrom > best.effectiveFrom) best = p;
  }
  return best;
}

const HOLDING = new Set(['offered', 'requested', 'approved', 'confirmed', 'completed', 'no_show']);

/**
 * Whether a booking counts as a trip taken: one held or done, a no-show, and (when the policy
 * says so) a place the member gave up without a reason. Refusals, expired offers and
 * waitlist entries never count.
 */
export function countsAsUsed(b: PastBooking, policy: Pick<PolicyRules, 'givenUpCountsAsUsed'>): boolean {
  if (HOLDING.has(b.status)) return true;
  return b.status === 'cancelled' && b.cancelKind === 'member' && b.cancelJustified === false && policy.givenUpCountsAsUsed;
}

/** Every rule the trip breaks, in a stable order; empty when it is allowed. */
export function checkRules(policy: PolicyRules, trip: Trip, history: PastBooking[]): Refusal[] {
  const out: Refusal[] = [];
  const y = year(trip.startDate);
  const cost = trip.pricePerDayFen * trip.days;
  const used = history.filter((b) => countsAsUsed(b, policy));
  const thisYear = used.filter((b) => year(b.startDate) === y);

  if (trip.days > policy.maxDaysPerTrip) out.push({ code: 'trip_too_long', vars: { days: trip.days, max: policy.maxDaysPerTrip } });
  if (trip.pricePerDayFen > policy.budgetPerDayFen) {
    out.push({ code: 'budget_per_day', vars: { price: formatYuan(trip.pricePerDayFen), max: formatYuan(policy.budgetPerDayFen) } });
  }
  const spent = thisYear.reduce((s, b) => s + b.pricePerDayFen * b.days, 0);
  if (spent + cost > policy.budgetPerYearFen) {
    out.push({ code: 'budget_per_year', vars: { year: y, cost: formatYuan(cost), total: formatYuan(spent + cost), max: formatYuan(policy.budgetPerYearFen) } });
  }
  // a year allows tripsPerYear trips, each of which may be taken in up to maxParts parts
  const parts = thisYear.length;
  if (policy.tripsPerYear === 0 || (policy.maxParts === 1 && parts >= policy.tripsPerYear)) {
    out.push({ code: 'trips_per_year', vars: { year: y, n: parts, max: policy.tripsPerYear } });
  } else if (parts + 1 > policy.maxParts * policy.tripsPerYear) {
    out.push({ code: 'parts_per_year', vars: { year: y, n: parts, max: policy.maxParts * policy.tripsPerYear } });
  }
  const days = thisYear.reduce((s, b) => s + b.days, 0);
  if (parts > 0 && days + trip.days > policy.maxDaysPerTrip * policy.tripsPerYear) {
    out.push({ code: 'days_per_year', vars: { year: y, total: days + trip.days, max: policy.maxDaysPerTrip * policy.tripsPerYear } });
  }
  // not again within N years: no trip in the N − 1 years before this one
  if (policy.noRepeatYears > 1) {
    const recent = used.map((b) => year(b.startDate)).filter((by) => by < y && by > y - policy.noRepeatYears);
    if (recent.length) out.push({ code: 'repeat_within_years', vars: { last: Math.max(...recent), years: policy.noRepeatYears } });
  }
  return out;
}

/** What the member's record says, as of the trip's start date. */
export interface MemberFacts {
  frontline: boolean;
  honours: { kind: string; validFrom: string; validUntil: string | null }[];
}

/** The member's priority groups (in the policy's order) and the waitlist rank they give: 0 first, groups.length for none. */
export function priorityOf(policy: Pick<PolicyRules, 'priorityGroups' | 'givenUpCountsAsUsed'>, facts: MemberFacts, history: PastBooking[], onDate: string) {
  const valid = (kinds: string[]) => facts.honours.some((h) => kinds.includes(h.kind) && h.validFrom <= onDate && (h.validUntil === null || onDate <= h.validUntil));
  const has: Record<PriorityGroup, boolean> = {
    frontline: facts.frontline || valid(['frontline']),
    model_worker: valid(['model_worker', 'may_day_medal']),
    skilled_worker: valid(['skilled_worker']),
    never_sent: !history.some((b) => countsAsUsed(b, policy) && b.startDate < onDate),
  };
  const groups = policy.priorityGroups.filter((g) => has[g]);
  const rank = groups.length ? policy.priorityGroups.indexOf(groups[0]!) : policy.priorityGroups.length;
  return { groups, rank };
}

/** A policy row as the rules read it. */
export const toRules = <R extends Omit<PolicyRules, 'priorityGroups'> & { priorityGroups: string[] }>(r: R): PolicyRules => ({ ...r, priorityGroups: r.priorityGroups as PriorityGroup[] });

/** The member's bookings the rules weigh a trip against: all but those of the batch itself (and the one being judged). */
export function pastBookings(
  all: { id: string; batchId: string; status: string; batchStart: string; tripDays: number; pricePerDayFen: number; cancelKind: string | null; cancelJustified: boolean | null }[],
  batchId: string,
  excludeBookingId?: string,
): PastBooking[] {
  return all
    .filter((b) => b.batchId !== batchId && b.id !== excludeBookingId)
    .map((b) => ({ status: b.status, startDate: b.batchStart, days: b.tripDays, pricePerDayFen: b.pricePerDayFen, cancelKind: b.cancelKind, cancelJustified: b.cancelJustified }));
}

/** Zhejiang's figures (DOMAIN §3.4), the policy of every demo federation from 2026 and of the tests. */
export const ZHEJIANG_POLICY: PolicyInput = {
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  maxDaysPerTrip: 5,
  budgetPerDayFen: 60_000,
  budgetPerYearFen: 300_000,
  tripsPerYear: 1,
  noRepeatYears: 3,
  maxParts: 2,
  priorityGroups: ['frontline', 'model_worker', 'skilled_worker', 'never_sent'],
  givenUpCountsAsUsed: true,
  note: '依据浙江省职工疗休养有关规定：每次不超过5天（含路途），每人每天不超过600元、每年不超过3000元，可分2次安排，一般3年内不重复。',
};
