import { BOOKING_STATUSES } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { progressOf, STATUS_COLOR } from './bookingStatus.ts';

const at = '2026-11-21T02:00:00Z';

describe('where a booking stands', () => {
  it('moves one step on at each approval', () => {
    expect(progressOf({ status: 'requested', approvedAt: null, confirmedAt: null })).toEqual({ current: 1, status: 'process' });
    expect(progressOf({ status: 'approved', approvedAt: at, confirmedAt: null })).toEqual({ current: 2, status: 'process' });
    expect(progressOf({ status: 'confirmed', approvedAt: at, confirmedAt: at })).toEqual({ current: 3, status: 'process' });
    expect(progressOf({ status: 'completed', approvedAt: at, confirmedAt: at })).toEqual({ current: 3, status: 'finish' });
  });

  it('stops in red at the step a cancelled booking did not pass', () => {
    expect(progressOf({ status: 'cancelled', approvedAt: null, confirmedAt: null })).toEqual({ current: 1, status: 'error' });
    expect(progressOf({ status: 'cancelled', approvedAt: at, confirmedAt: null })).toEqual({ current: 2, status: 'error' });
    expect(progressOf({ status: 'cancelled', approvedAt: at, confirmedAt: at })).toEqual({ current: 3, status: 'error' });
    expect(progressOf({ status: 'no_show', approvedAt: at, confirmedAt: at })).toEqual({ current: 3, status: 'error' });
  });

  it('waits before the first step while on the waitlist', () => {
    expect(progressOf({ status: 'waitlisted', approvedAt: null, confirmedAt: null }).status).toBe('wait');
    expect(progressOf({ status: 'offered', approvedAt: null, confirmedAt: null }).status).toBe('wait');
  });

  it('gives every state of the API a colour', () => {
    expect(Object.keys(STATUS_COLOR).sort()).toEqual([...BOOKING_STATUSES].sort());
  });
});
