import type { ClockDto, ClockKind, ReferralStatus } from '@uc/contracts';
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
  const closuresOf = new Map<string, Set<string>>();
  for (const c of levels.closures) closuresOf.set(c.tenantId, (closuresOf.get(c.tenantId) ?? new Set()).add(c.day));
  const national = new Map(levels.national.map((d) => [d.day, d.work]));
  return (kind, tenantId, onDate) => {
    const date = new Date(onDate.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
    const calendar = { closures: closuresOf.get(tenantId) ?? new Set<string>(), national };
    const p = levels.policies.filter((r) => r.tenantId === tenantId && r.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    if (!p) return { budgetDays: DEFAULT_SLA[kind], calendar };
    return { budgetDays: budgetOf(p, kind), calendar };
  };
}

export const budgetOf = (p: Pick<SlaPolicyRow, 'acceptDays' | 'respondDays' | 'resolveDays' | 'followUpDays'>, kind: ClockKind) =>
  ({ accept: p.acceptDays, respond: p.respondDays, resolve: p.resolveDays, follow_up: p.followUpDays })[kind];
