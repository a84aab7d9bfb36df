import type { ClockKind } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { checkStep, stepsFor } from './referral.rules.ts';
import { computeClocks, type ClockEvent, type PolicyLookup } from './sla.rules.ts';
import { addWorkingMs, isWorkingDay, nationalCalendar, workingMsBetween, yearKnown } from './workday.rules.ts';

// Fixed dates with known answers (Asia/Shanghai). 2026: National Day 10-01…10-07 off, make-up
// working days Sunday 09-20 and Saturday 10-10; New Year 2026-01-01…01-03 off, Sunday 01-04 worked.

const cst = (s: string) => new Date(`${s}+08:00`);
const H = 3_600_000;
const D = 24 * H;
const BUDGET: Record<ClockKind, number> = { accept: 3, respond: 7, resolve: 30, follow_up: 1 };
const policy: PolicyLookup = (kind) => ({ budgetDays: BUDGET[kind], calendar: nationalCalendar });
const A = 'hz';
const B = 'nb';
const C = 'sx';
const ev = (status: ClockEvent['status'], at: string, performerTenantId = B, beforeHold: ClockEvent['beforeHold'] = null): ClockEvent => ({ status, at: cst(at), performerTenantId, beforeHold });
const clock = (events: ClockEvent[], now: string, kind: ClockKind) => computeClocks(events, cst(now), A, policy).find((c) => c.kind === kind)!;

describe('the working-day calendar', () => {
  it('knows the National Day holiday and its make-up days, weekends and the year boundary', () => {
    expect(isWorkingDay('2026-09-30')).toBe(true);
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(isWorkingDay('2026-09-20')).toBe(true); // a Sunday, worked
    expect(isWorkingDay('2026-10-10')).toBe(true); // a Saturday, worked
    expect(isWorkingDay('2026-10-11')).toBe(false);
    expect(isWorkingDay('2026-01-01')).toBe(false);
    expect(isWorkingDay('2026-01-04')).toBe(true); // a Sunday, worked
    expect(isWorkingDay('2026-11-21')).toBe(false); // an ordinary Saturday
  });

  it('takes the operator’s entries for a year the package does not know, over the package, day by day', () => {
    // the package's release knows 2026, not 2027: New Year's Day 2027 would be a working day
    expect(yearKnown(2026)).toBe(true);
    expect(yearKnown(2027)).toBe(false);
    expect(isWorkingDay('2027-01-01')).toBe(true);
    const national = new Map([
      ['2027-01-01', false],
      ['2027-02-20', true], // a Saturday worked in lieu
    ]);
    expect(yearKnown(2027, national)).toBe(true);
    expect(isWorkingDay('2027-01-01', { closures: new Set(), national })).toBe(false);
    expect(isWorkingDay('2027-02-20', { closures: new Set(), national })).toBe(true);
    expect(isWorkingDay('2027-01-04', { closures: new Set(), national })).toBe(true);
    // a federation's closure still closes an entered make-up day
    expect(isWorkingDay('2027-02-20', { closures: new Set(['2027-02-20']), national })).toBe(false);
    // across the year boundary: Thursday 31 December 2026 10:00 + 1 working day ends Monday 4 January 2027 10:00
    expect(addWorkingMs(cst('2026-12-31T10:00:00'), D, { closures: new Set(), national }).toISOString()).toBe(cst('2027-01-04T10:00:00').toISOString());
  });

  it('adds a federation’s own closure days', () => {
    expect(isWorkingDay('2026-11-23', { closures: new Set(['2026-11-23']) })).toBe(false);
    expect(isWorkingDay('2026-11-23')).toBe(true);
  });

  it('3 working days from Wednesday 30 September 10:00 end on the make-up Saturday 10 October 10:00', () => {
    expect(addWorkingMs(cst('2026-09-30T10:00:00'), 3 * D).toISOString()).toBe(cst('2026-10-10T10:00:00').toISOString());
    expect(workingMsBetween(cst('2026-09-30T10:00:00'), cst('2026-10-10T10:00:00'))).toBe(3 * D);
  });

  it('counts across the year boundary: from 31 December 2025 10:00, 3 working days end on 6 January 2026 10:00', () => {
    expect(addWorkingMs(cst('2025-12-31T10:00:00'), 3 * D).toISOString()).toBe(cst('2026-01-06T10:00:00').toISOString());
    // 31 Dec 14 h + 4 Jan (make-up Sunday) 24 h = 38 h by the end of Sunday
    expect(workingMsBetween(cst('2025-12-31T10:00:00'), cst('2026-01-05T00:00:00'))).toBe(38 * H);
  });

  it('counts nothing over a weekend or a holiday', () => {
    expect(workingMsBetween(cst('2026-10-01T00:00:00'), cst('2026-10-08T00:00:00'))).toBe(0);
    expect(workingMsBetween(cst('2026-11-21T00:00:00'), cst('2026-11-23T00:00:00'))).toBe(0);
  });
});

describe('the clocks of a referral', () => {
  it('runs the accept clock on working days only and breaches after 3 of them', () => {
    const events = [ev('submitted', '2026-09-30T10:00:00')];
    const before = clock(events, '2026-10-09T10:00:00', 'accept');
    expect(before).toMatchObject({ state: 'running', elapsedDays: 2, remainingDays: 1, breached: false, warning: true });
    expect(before.dueAt).toBe(cst('2026-10-10T10:00:00').toISOString());
    expect(clock(events, '2026-10-10T11:00:00', 'accept')).toMatchObject({ breached: true, dueAt: null });
  });

  it('stops the accept clock on acceptance and starts the respond and resolve clocks', () => {
    const events = [ev('submitted', '2026-11-23T09:00:00'), ev('accepted', '2026-11-24T09:00:00')];
    const all = computeClocks(events, cst('2026-11-25T09:00:00'), A, policy);
    expect(all.find((c) => c.kind === 'accept')).toMatchObject({ state: 'stopped', elapsedDays: 1, breached: false });
    expect(all.find((c) => c.kind === 'respond')).toMatchObject({ state: 'running', elapsedDays: 1, remainingDays: 6 });
    expect(all.find((c) => c.kind === 'follow_up')).toMatchObject({ state: 'not_started', elapsedDays: 0 });
  });

  it('pauses while on hold and resumes where it stood', () => {
    const events = [
      ev('submitted', '2026-11-23T09:00:00'),
      ev('accepted', '2026-11-23T10:00:00'),
      ev('in_progress', '2026-11-24T10:00:00'),
      ev('on_hold', '2026-11-25T10:00:00', B, 'in_progress'),
    ];
    const paused = clock(events, '2026-12-04T10:00:00', 'resolve');
    expect(paused).toMatchObject({ state: 'paused', elapsedDays: 2, dueAt: null });
    const resumed = clock([...events, ev('in_progress', '2026-12-07T10:00:00')], '2026-12-08T10:00:00', 'resolve');
    expect(resumed).toMatchObject({ state: 'running', elapsedDays: 3, remainingDays: 27 });
    // the respond clock had stopped at in_progress: a hold after it does not pause it
    expect(clock(events, '2026-12-04T10:00:00', 'respond')).toMatchObject({ state: 'stopped', elapsedDays: 1 });
  });

  it('is never reset by a return or a transfer', () => {
    const events = [
      ev('submitted', '2026-11-23T09:00:00'),
      ev('returned', '2026-11-24T21:00:00'), // 1.5 working days with B
      ev('submitted', '2026-11-26T09:00:00', C), // transferred to C: the clock goes on
    ];
    expect(clock(events, '2026-11-26T21:00:00', 'accept')).toMatchObject({ state: 'running', elapsedDays: 2, remainingDays: 1, warning: true });
    expect(clock(events, '2026-11-27T22:00:00', 'accept')).toMatchObject({ breached: true });
    // while returned, the clock stands still (the referrer has the case)
    expect(clock(events.slice(0, 2), '2026-11-30T09:00:00', 'accept')).toMatchObject({ state: 'stopped', elapsedDays: 1.5 });
  });

  it('takes the budget from the performer’s policy when the clock first ran, not after a transfer', () => {
    const lookup: PolicyLookup = (kind, tenant) => ({ budgetDays: tenant === C ? 10 : BUDGET[kind], calendar: nationalCalendar });
    const events = [ev('submitted', '2026-11-23T09:00:00'), ev('returned', '2026-11-23T10:00:00'), ev('submitted', '2026-11-23T11:00:00', C)];
    expect(computeClocks(events, cst('2026-11-23T12:00:00'), A, lookup).find((c) => c.kind === 'accept')!.budgetDays).toBe(3);
  });

  it('runs the follow-up clock on the referrer’s calendar after the outcome is reported', () => {
    const events = [ev('submitted', '2026-11-23T09:00:00'), ev('accepted', '2026-11-23T10:00:00'), ev('in_progress', '2026-11-23T11:00:00'), ev('resolved', '2026-11-27T12:00:00')];
    // Friday noon + Saturday and Sunday off: Monday noon is one working day later
    expect(clock(events, '2026-11-28T12:00:00', 'follow_up')).toMatchObject({ state: 'running', elapsedDays: 0.5, dueAt: cst('2026-11-30T12:00:00').toISOString() });
    expect(clock(events, '2026-11-30T13:00:00', 'follow_up')).toMatchObject({ breached: true });
  });
});

describe('the referral’s steps', () => {
  it('lets each side take only its own steps, from the right states', () => {
    expect(checkStep('accept', 'submitted', 'performer')).toEqual({ ok: true, to: 'accepted' });
    expect(checkStep('accept', 'submitted', 'referrer')).toEqual({ ok: false, reason: 'wrong_side' });
    expect(checkStep('accept', 'accepted', 'performer')).toEqual({ ok: false, reason: 'wrong_state' });
    expect(checkStep('return', 'accepted', 'performer')).toEqual({ ok: true, to: 'returned' });
    expect(checkStep('resume', 'on_hold', 'performer', 'accepted')).toEqual({ ok: true, to: 'accepted' });
    expect(checkStep('resolve', 'on_hold', 'performer')).toEqual({ ok: false, reason: 'wrong_state' });
    expect(checkStep('follow_up', 'resolved', 'referrer')).toEqual({ ok: true, to: 'followed_up' });
    expect(checkStep('archive', 'resolved', 'referrer')).toEqual({ ok: false, reason: 'wrong_state' });
    expect(checkStep('transfer', 'in_progress', 'referrer')).toEqual({ ok: true, to: 'submitted' });
    expect(checkStep('transfer', 'resolved', 'referrer')).toEqual({ ok: false, reason: 'wrong_state' });
    expect(stepsFor('submitted', 'performer').sort()).toEqual(['accept', 'return']);
    expect(stepsFor('in_progress', 'performer').sort()).toEqual(['action', 'hold', 'request_transfer', 'resolve']);
  });
});
