import type { HourClockKind } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween, DEFAULT_BUSINESS_HOURS, minutesPerDay, parseBusinessHours } from './businessHours.rules.ts';
import { computeHourClocks, DEFAULT_HOUR_SLA, hourPolicyLookupFrom, type ClockEvent, type HourPolicyLookup } from './sla.rules.ts';
import { nationalCalendar } from './workday.rules.ts';

// Business hours with fixed dates and known answers (Asia/Shanghai; the default hours 08:30–12:00
// and 13:30–17:30). 2022: National Day 10-01…10-07 off, Saturday 10-08 and Sunday 10-09 worked;
// Friday 09-30 the last working day before it. 2026: New Year 01-01…01-03 off, Sunday 01-04
// worked; National Day 10-01…10-07 off, Saturday 10-10 worked.

const cst = (s: string) => new Date(`${s}+08:00`);
const M = 60_000;
const H = 60 * M;
const hours = DEFAULT_BUSINESS_HOURS;
const cal = nationalCalendar;
const add = (from: string, ms: number) => addBusinessMs(cst(from), ms, hours, cal).toISOString();

describe('business hours', () => {
  it('a call at 17:20 on the Friday before National Day gets its first response after the holiday, on the make-up Saturday', () => {
    // 10 minutes on Friday 30 September 2022, nothing from 1 to 7 October, 110 minutes from 08:30 on Saturday 8 October
    expect(add('2022-09-30T17:20:00', 2 * H)).toBe(cst('2022-10-08T10:20:00').toISOString());
    expect(businessMsBetween(cst('2022-09-30T17:20:00'), cst('2022-10-08T10:20:00'), hours, cal)).toBe(2 * H);
    // the holiday itself counts nothing, not even inside the opening hours
    expect(businessMsBetween(cst('2022-10-01T00:00:00'), cst('2022-10-08T00:00:00'), hours, cal)).toBe(0);
    // 2026: Friday 9 October at 17:20 + 30 minutes: the make-up Saturday 10 October at 08:50
    expect(add('2026-10-09T17:20:00', 30 * M)).toBe(cst('2026-10-10T08:50:00').toISOString());
  });

  it('counts a make-up Saturday and not an ordinary one', () => {
    expect(businessMsBetween(cst('2026-10-10T00:00:00'), cst('2026-10-11T00:00:00'), hours, cal)).toBe(7.5 * H);
    expect(businessMsBetween(cst('2026-11-21T00:00:00'), cst('2026-11-22T00:00:00'), hours, cal)).toBe(0);
    expect(minutesPerDay(hours)).toBe(450);
  });

  it('skips the lunch break', () => {
    expect(add('2026-11-23T11:45:00', 30 * M)).toBe(cst('2026-11-23T13:45:00').toISOString());
    expect(businessMsBetween(cst('2026-11-23T11:45:00'), cst('2026-11-23T13:45:00'), hours, cal)).toBe(30 * M);
    // a call during the break starts counting when the office opens again
    expect(add('2026-11-23T12:40:00', 30 * M)).toBe(cst('2026-11-23T14:00:00').toISOString());
    // a budget that runs out at closing time ends at closing time
    expect(add('2026-11-23T17:00:00', 30 * M)).toBe(cst('2026-11-23T17:30:00').toISOString());
  });

  it('counts across the year boundary', () => {
    // Wednesday 31 December 2025 17:00: 30 minutes that day, 1 to 3 January off, the make-up Sunday 4 January from 08:30
    expect(add('2025-12-31T17:00:00', 2 * H)).toBe(cst('2026-01-04T10:00:00').toISOString());
    // 24 business hours from 31 December 2025 08:30: 7.5 h that day, 7.5 h on 4, 5 January, 1.5 h on 6 January
    expect(add('2025-12-31T08:30:00', 24 * H)).toBe(cst('2026-01-06T10:00:00').toISOString());
  });

  it('is in China time whatever the instant is written in', () => {
    // 00:30 UTC is 08:30 in Shanghai: the office has just opened
    expect(addBusinessMs(new Date('2026-11-23T00:30:00Z'), 30 * M, hours, cal).toISOString()).toBe('2026-11-23T01:00:00.000Z');
    // 09:40 UTC is 17:40 in Shanghai: closed, the next morning
    expect(addBusinessMs(new Date('2026-11-23T09:40:00Z'), 30 * M, hours, cal).toISOString()).toBe('2026-11-24T01:00:00.000Z');
  });

  it('stops on a federation’s closure day and follows its own hours', () => {
    const closed = { closures: new Set(['2026-11-24']) };
    expect(addBusinessMs(cst('2026-11-23T17:20:00'), 30 * M, hours, closed).toISOString()).toBe(cst('2026-11-25T08:50:00').toISOString());
    expect(addBusinessMs(cst('2026-11-23T08:00:00'), 2 * H, ['09:00-18:00'], cal).toISOString()).toBe(cst('2026-11-23T11:00:00').toISOString());
  });

  it('refuses ill-formed hours', () => {
    expect(parseBusinessHours(['08:30-12:00', '13:30-17:30'])).toEqual([
      [510, 720],
      [810, 1050],
    ]);
    expect(parseBusinessHours([])).toBeNull();
    expect(parseBusinessHours(['12:00-08:30'])).toBeNull();
    expect(parseBusinessHours(['08:30-12:00', '11:00-17:30'])).toBeNull();
    expect(parseBusinessHours(['8:30-12:00'])).toBeNull();
    expect(parseBusinessHours(['00:00-24:00'])).toEqual([[0, 1440]]);
  });
});

describe('the hour clocks of a hotline referral', () => {
  const policy: HourPolicyLookup = (kind) => ({ budgetMinutes: DEFAULT_HOUR_SLA[kind], hours, calendar: cal });
  const ev = (status: ClockEvent['status'], at: string, type = status as string, performerTenantId = 'nb', beforeHold: ClockEvent['beforeHold'] = null): ClockEvent => ({
    status,
    at: cst(at),
    performerTenantId,
    beforeHold,
    type,
  });
  const clock = (events: ClockEvent[], now: string, kind: HourClockKind) => computeHourClocks(events, cst(now), 'hz', policy).find((c) => c.kind === kind)!;

  it('dispatch runs from the arrival until a handler is named, warns 15 minutes before and breaches after 30', () => {
    const events = [ev('submitted', '2026-11-23T11:45:00', 'submit')];
    expect(clock(events, '2026-11-23T11:50:00', 'dispatch')).toMatchObject({ state: 'running', elapsedMinutes: 5, remainingMinutes: 25, warning: false, dueAt: cst('2026-11-23T13:45:00').toISOString() });
    expect(clock(events, '2026-11-23T13:35:00', 'dispatch')).toMatchObject({ elapsedMinutes: 20, warning: true });
    expect(clock(events, '2026-11-23T13:46:00', 'dispatch')).toMatchObject({ breached: true, dueAt: null });
    const started = [...events, ev('accepted', '2026-11-23T11:50:00', 'accept'), ev('in_progress', '2026-11-23T13:35:00', 'start')];
    expect(clock(started, '2026-11-24T10:00:00', 'dispatch')).toMatchObject({ state: 'stopped', elapsedMinutes: 20, breached: false });
  });

  it('first response stops at the first action and stays stopped through a hold and a transfer', () => {
    const events = [
      ev('submitted', '2026-11-23T09:00:00', 'submit'),
      ev('accepted', '2026-11-23T09:10:00', 'accept'),
      ev('in_progress', '2026-11-23T09:20:00', 'start'),
      ev('in_progress', '2026-11-23T10:00:00', 'action'),
      ev('on_hold', '2026-11-23T11:00:00', 'hold', 'nb', 'in_progress'),
      ev('submitted', '2026-11-24T09:00:00', 'transfer', 'sx'),
    ];
    expect(clock(events.slice(0, 3), '2026-11-23T10:00:00', 'first_response')).toMatchObject({ state: 'running', elapsedMinutes: 60 });
    expect(clock(events, '2026-11-25T09:00:00', 'first_response')).toMatchObject({ state: 'stopped', elapsedMinutes: 60, breached: false });
    // the transfer sends the case back to a dispatch desk: the dispatch clock goes on from its 20 minutes
    expect(clock(events, '2026-11-24T09:05:00', 'dispatch')).toMatchObject({ state: 'running', elapsedMinutes: 25 });
  });

  it('pauses on hold, not reset by a return, and breaches late first responses', () => {
    const events = [
      ev('submitted', '2026-11-23T09:00:00', 'submit'),
      ev('accepted', '2026-11-23T09:30:00', 'accept'),
      ev('on_hold', '2026-11-23T10:00:00', 'hold', 'nb', 'accepted'),
    ];
    expect(clock(events, '2026-11-27T10:00:00', 'first_response')).toMatchObject({ state: 'paused', elapsedMinutes: 60, remainingMinutes: 60, dueAt: null, warning: false });
    const back = [...events, ev('accepted', '2026-11-30T09:00:00', 'resume'), ev('returned', '2026-11-30T09:30:00', 'return'), ev('submitted', '2026-12-01T09:00:00', 'resubmit')];
    expect(clock(back, '2026-12-01T09:20:00', 'first_response')).toMatchObject({ state: 'running', elapsedMinutes: 110, warning: true });
    expect(clock(back, '2026-12-01T09:31:00', 'first_response')).toMatchObject({ breached: true });
  });

  it('follow-up is the referrer’s 24 business hours after the outcome', () => {
    const events = [ev('submitted', '2026-11-23T09:00:00', 'submit'), ev('accepted', '2026-11-23T09:10:00', 'accept'), ev('in_progress', '2026-11-23T09:20:00', 'start'), ev('resolved', '2026-11-27T16:30:00', 'resolve')];
    // Friday 16:30: 1 h that day, Monday, Tuesday and Wednesday 7.5 h each, 0.5 h on Thursday
    expect(clock(events, '2026-11-27T17:00:00', 'hotline_follow_up')).toMatchObject({ state: 'running', elapsedMinutes: 30, dueAt: cst('2026-12-03T09:00:00').toISOString() });
    expect(clock(events, '2026-12-03T09:01:00', 'hotline_follow_up')).toMatchObject({ breached: true });
  });

  it('takes hours and figures from the policy in force when the clock first ran', () => {
    const lookup = hourPolicyLookupFrom({
      policies: [
        {
          tenantId: 'nb',
          effectiveFrom: '2026-01-01',
          acceptDays: 3,
          respondDays: 7,
          resolveDays: 30,
          followUpDays: 1,
          businessHours: ['09:00-17:00'],
          dispatchMinutes: 60,
          firstResponseMinutes: 240,
          hotlineFollowUpMinutes: 480,
        },
      ],
      closures: [],
      national: [],
    });
    const events = [ev('submitted', '2026-11-23T08:00:00', 'submit')];
    expect(computeHourClocks(events, cst('2026-11-23T09:30:00'), 'hz', lookup).find((c) => c.kind === 'dispatch')).toMatchObject({ budgetMinutes: 60, elapsedMinutes: 30 });
    // the referrer has no policy: DOMAIN §3.2's figures
    expect(computeHourClocks(events, cst('2026-11-23T09:30:00'), 'hz', lookup).find((c) => c.kind === 'hotline_follow_up')).toMatchObject({ budgetMinutes: 1440, state: 'not_started' });
  });
});
