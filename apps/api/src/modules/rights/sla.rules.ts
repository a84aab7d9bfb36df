import type { ClockDto, ClockKind, HourClockDto, HourClockKind, ReferralStatus } from '@uc/contracts';
import { addBusinessMs, businessMsBetween, DEFAULT_BUSINESS_HOURS, type BusinessHours } from './businessHours.rules.ts';
import { addWorkingMs, WORKING_DAY_MS, workingMsBetween, type WorkCalendar } from './workday.rules.ts';

// Service-level clocks of a referral, DERIVED from its event log every time (never stored, never
// patched): each clock adds up the working time (working days of the Chinese calendar, 24 h each,
// docs/decisions/0013) the referral spent in the statuses the clock runs in. Nothing subtracts from
// that sum, so a transfer or a return never resets a clock: when the referral is submitted again
// the accept clock goes on from where it stood. A clock stops counting while the referral is
// on_hold (paused, visibly), and its budget comes from the policy in force when it first ran.

export interface ClockEvent {
  status: ReferralStatus;
  at: Date;
  performerTenantId: string;
  /** for a hold: the status it began in */
  beforeHold?: ReferralStatus | null;
  /** the step (action, resolve…): an hour clock may stop at the first of some steps */
  type?: string;
}

interface ClockDef {
  kind: ClockKind;
  runsIn: readonly ReferralStatus[];
  /** whose calendar and policy: the performer's (at the clock's start) or the referrer's */
  owner: 'performer' | 'referrer';
}

export const CLOCK_DEFS: readonly ClockDef[] = [
  // decide to accept (or return) a referral
  { kind: 'accept', runsIn: ['submitted'], owner: 'performer' },
  // first response after acceptance: assign and act (legal aid: decide within 7 working days)
  { kind: 'respond', runsIn: ['accepted'], owner: 'performer' },
  // from acceptance to resolution
  { kind: 'resolve', runsIn: ['accepted', 'in_progress'], owner: 'performer' },
  // the referrer calls the worker back after the outcome is reported
  { kind: 'follow_up', runsIn: ['resolved'], owner: 'referrer' },
];

export interface ClockPolicy {
  budgetDays: number;
  calendar: WorkCalendar;
}

/** The policy of `tenantId` in force on the China date `onDate`, for one clock. */
export type PolicyLookup = (kind: ClockKind, tenantId: string, onDate: Date) => ClockPolicy;

/** Warn when less than this share of the budget is left (and at most one working day before). */
const WARN_SHARE = 1 / 3;

const days = (ms: number) => Math.round((ms / WORKING_DAY_MS) * 100) / 100;

export function computeClocks(events: readonly ClockEvent[], now: Date, referrerTenantId: string, policy: PolicyLookup): ClockDto[] {
  return CLOCK_DEFS.map((def) => computeClock(def, events, now, referrerTenantId, policy));
}

function computeClock(def: ClockDef, events: readonly ClockEvent[], now: Date, referrerTenantId: string, policy: PolicyLookup): ClockDto {
  const firstRun = events.find((e) => def.runsIn.includes(e.status));
  if (!firstRun) {
    const p = policy(def.kind, def.owner === 'performer' ? (events.at(-1)?.performerTenantId ?? referrerTenantId) : referrerTenantId, now);
    return { kind: def.kind, state: 'not_started', budgetDays: p.budgetDays, elapsedDays: 0, remainingDays: p.budgetDays, dueAt: null, breached: false, warning: false };
  }
  const p = policy(def.kind, def.owner === 'performer' ? firstRun.performerTenantId : referrerTenantId, firstRun.at);
  let elapsed = 0;
  events.forEach((e, i) => {
    if (!def.runsIn.includes(e.status)) return;
    const end = events[i + 1]?.at ?? now;
    if (end > e.at) elapsed += workingMsBetween(e.at, end, p.calendar);
  });
  const last = events.at(-1)!;
  const running = def.runsIn.includes(last.status);
  const paused = last.status === 'on_hold' && !!last.beforeHold && def.runsIn.includes(last.beforeHold);
  const budget = p.budgetDays * WORKING_DAY_MS;
  const remaining = Math.max(0, budget - elapsed);
  const breached = elapsed > budget;
  return {
    kind: def.kind,
    state: running ? 'running' : paused ? 'paused' : 'stopped',
    budgetDays: p.budgetDays,
    elapsedDays: days(elapsed),
    remainingDays: days(remaining),
    dueAt: running && !breached ? addWorkingMs(now, remaining, p.calendar).toISOString() : null,
    breached,
    warning: (running || paused) && !breached && remaining <= Math.min(WORKING_DAY_MS, budget * WARN_SHARE),
  };
}

/** DOMAIN §3.2's figures, where a federation has no policy of its own. */
export const DEFAULT_SLA: Record<ClockKind, number> = { accept: 3, respond: 7, resolve: 30, follow_up: 1 };

export interface SlaPolicyRow {
  tenantId: string;
  effectiveFrom: string;
  acceptDays: number;
  respondDays: number;
  resolveDays: number;
  followUpDays: number;
  businessHours: string[];
  dispatchMinutes: number;
  firstResponseMinutes: number;
  hotlineFollowUpMinutes: number;
}

/** The published policies and closure days of the federations whose clocks are computed. */
export interface ServiceLevels {
  policies: readonly SlaPolicyRow[];
  closures: readonly { tenantId: string; day: string }[];
  /** the operator's entries of the national arrangement (years the calendar package does not know) */
  national: readonly { day: string; work: boolean }[];
}

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * A lookup over the levels: the budget from the federation's latest policy effective on the China
 * date of the instant (DOMAIN §3.2's figures before any), the calendar with ALL its closure days —
 * a closure added later stops clocks that started under an older policy too.
 */
export function policyLookupFrom(levels: ServiceLevels): PolicyLookup {
  const find = policyFinder(levels);
  return (kind, tenantId, onDate) => {
    const { policy: p, calendar } = find(tenantId, onDate);
    if (!p) return { budgetDays: DEFAULT_SLA[kind], calendar };
    return { budgetDays: budgetOf(p, kind), calendar };
  };
}

/** The same for the hour clocks of hotline referrals: the budget in minutes, the business hours and the calendar. */
export function hourPolicyLookupFrom(levels: ServiceLevels): HourPolicyLookup {
  const find = policyFinder(levels);
  return (kind, tenantId, onDate) => {
    const { policy: p, calendar } = find(tenantId, onDate);
    if (!p) return { budgetMinutes: DEFAULT_HOUR_SLA[kind], hours: DEFAULT_BUSINESS_HOURS, calendar };
    return { budgetMinutes: minutesOf(p, kind), hours: p.businessHours, calendar };
  };
}

function policyFinder(levels: ServiceLevels) {
  const closuresOf = new Map<string, Set<string>>();
  for (const c of levels.closures) closuresOf.set(c.tenantId, (closuresOf.get(c.tenantId) ?? new Set()).add(c.day));
  const national = new Map(levels.national.map((d) => [d.day, d.work]));
  return (tenantId: string, onDate: Date) => {
    const date = new Date(onDate.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    const calendar = { closures: closuresOf.get(tenantId) ?? new Set<string>(), national };
    const policy = levels.policies.filter((r) => r.tenantId === tenantId && r.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    return { policy, calendar };
  };
}

export const budgetOf = (p: Pick<SlaPolicyRow, 'acceptDays' | 'respondDays' | 'resolveDays' | 'followUpDays'>, kind: ClockKind) =>
  ({ accept: p.acceptDays, respond: p.respondDays, resolve: p.resolveDays, follow_up: p.followUpDays })[kind];

export const minutesOf = (p: Pick<SlaPolicyRow, 'dispatchMinutes' | 'firstResponseMinutes' | 'hotlineFollowUpMinutes'>, kind: HourClockKind) =>
  ({ dispatch: p.dispatchMinutes, first_response: p.firstResponseMinutes, hotline_follow_up: p.hotlineFollowUpMinutes })[kind];

// ── Hour clocks of hotline cases (12351; docs/decisions/0055-hotline-hour-clocks.md) ──────────────
// A referral of a case that came in on the hotline also runs three clocks counted in BUSINESS
// HOURS (businessHours.rules.ts), derived from the same events the same way: they add up the
// business time spent in the statuses they run in, pause on hold, and are never reset.
//   dispatch 派单        the performer's desk puts the case in a handler's hands: from its arrival
//                        (submitted) until `start` names the caseworker or legal-aid station;
//   first_response 首次响应 from its arrival until the performer records the first action on it
//                        (a call, a visit, mediation… — contact with the worker) or resolves it;
//                        once given it stays given, whatever follows (a transfer included);
//   hotline_follow_up 回访 the referring hotline calls the worker back after the outcome is reported.

/** DOMAIN §3.2's hotline figures, in minutes of business time. */
export const DEFAULT_HOUR_SLA: Record<HourClockKind, number> = { dispatch: 30, first_response: 120, hotline_follow_up: 24 * 60 };

export interface HourClockPolicy {
  budgetMinutes: number;
  hours: BusinessHours;
  calendar: WorkCalendar;
}
export type HourPolicyLookup = (kind: HourClockKind, tenantId: string, onDate: Date) => HourClockPolicy;

interface HourClockDef {
  kind: HourClockKind;
  runsIn: readonly ReferralStatus[];
  owner: 'performer' | 'referrer';
  /** the first of these steps stops the clock for good */
  stopsAt?: readonly string[];
}

export const HOUR_CLOCK_DEFS: readonly HourClockDef[] = [
  { kind: 'dispatch', runsIn: ['submitted', 'accepted'], owner: 'performer' },
  { kind: 'first_response', runsIn: ['submitted', 'accepted', 'in_progress'], owner: 'performer', stopsAt: ['action', 'resolve'] },
  { kind: 'hotline_follow_up', runsIn: ['resolved'], owner: 'referrer' },
];

const MIN_MS = 60_000;
/** Warn when a third of the budget is left, at least 15 minutes before (the job's period), at most 4 hours, at most half of it. */
const hourWarnMs = (budget: number) => Math.min(4 * 60 * MIN_MS, budget / 2, Math.max(15 * MIN_MS, budget / 3));

export function computeHourClocks(events: readonly ClockEvent[], now: Date, referrerTenantId: string, policy: HourPolicyLookup): HourClockDto[] {
  return HOUR_CLOCK_DEFS.map((def) => computeHourClock(def, events, now, referrerTenantId, policy));
}

function computeHourClock(def: HourClockDef, all: readonly ClockEvent[], now: Date, referrerTenantId: string, policy: HourPolicyLookup): HourClockDto {
  const stopIndex = def.stopsAt ? all.findIndex((e) => def.stopsAt!.includes(e.type ?? '')) : -1;
  const events = stopIndex >= 0 ? all.slice(0, stopIndex) : all;
  const firstRun = events.find((e) => def.runsIn.includes(e.status));
  if (!firstRun) {
    const p = policy(def.kind, def.owner === 'performer' ? (all.at(-1)?.performerTenantId ?? referrerTenantId) : referrerTenantId, now);
    const state = stopIndex >= 0 ? 'stopped' : 'not_started';
    return { kind: def.kind, state, budgetMinutes: p.budgetMinutes, elapsedMinutes: 0, remainingMinutes: p.budgetMinutes, dueAt: null, breached: false, warning: false };
  }
  const p = policy(def.kind, def.owner === 'performer' ? firstRun.performerTenantId : referrerTenantId, firstRun.at);
  let elapsed = 0;
  events.forEach((e, i) => {
    if (!def.runsIn.includes(e.status)) return;
    const end = i + 1 < events.length ? events[i + 1]!.at : stopIndex >= 0 ? all[stopIndex]!.at : now;
    if (end > e.at) elapsed += businessMsBetween(e.at, end, p.hours, p.calendar);
  });
  const last = events.at(-1)!;
  const stopped = stopIndex >= 0;
  const running = !stopped && def.runsIn.includes(last.status);
  const paused = !stopped && last.status === 'on_hold' && !!last.beforeHold && def.runsIn.includes(last.beforeHold);
  const budget = p.budgetMinutes * MIN_MS;
  const remaining = Math.max(0, budget - elapsed);
  const breached = elapsed > budget;
  return {
    kind: def.kind,
    state: running ? 'running' : paused ? 'paused' : 'stopped',
    budgetMinutes: p.budgetMinutes,
    elapsedMinutes: Math.floor(elapsed / MIN_MS),
    remainingMinutes: Math.ceil(remaining / MIN_MS),
    dueAt: running && !breached ? addBusinessMs(now, remaining, p.hours, p.calendar).toISOString() : null,
    breached,
    warning: (running || paused) && !breached && remaining <= hourWarnMs(budget),
  };
}
