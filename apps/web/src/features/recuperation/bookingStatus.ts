import type { BookingStatus } from '@uc/contracts';

/** The tag colour of each state, so a list reads at a glance (green: going; red: went wrong). */
export const STATUS_COLOR: Record<BookingStatus, string> = {
  waitlisted: 'gold',
  offered: 'orange',
  requested: 'blue',
  approved: 'geekblue',
  confirmed: 'green',
  completed: 'default',
  cancelled: 'default',
  no_show: 'red',
};

/** states in which the booking still holds beds or a place on the waitlist */
export const LIVE_STATUSES: readonly BookingStatus[] = ['waitlisted', 'offered', 'requested', 'approved', 'confirmed'];

export const PROGRESS_STEPS = ['requested', 'approved', 'confirmed', 'completed'] as const;

interface Progress {
  /** index into PROGRESS_STEPS of the step in hand (or where it stopped) */
  current: number;
  status: 'process' | 'finish' | 'error' | 'wait';
}

/**
 * Where a booking stands on the road requested → approved → confirmed → completed: a cancelled
 * or missed booking stops, in red, at the step it did not pass.
 */
export function progressOf(b: { status: BookingStatus; approvedAt: string | null; confirmedAt: string | null }): Progress {
  switch (b.status) {
    case 'waitlisted':
    case 'offered':
      return { current: 0, status: 'wait' };
    case 'requested':
      return { current: 1, status: 'process' };
    case 'approved':
      return { current: 2, status: 'process' };
    case 'confirmed':
      return { current: 3, status: 'process' };
    case 'completed':
      return { current: 3, status: 'finish' };
    case 'no_show':
      return { current: 3, status: 'error' };
    case 'cancelled':
      return { current: b.confirmedAt ? 3 : b.approvedAt ? 2 : 1, status: 'error' };
  }
}
