import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

// The events calendar's arithmetic (活动日历): the six Monday-first weeks a month view shows, and the
// China date of a session's start (a session at 00:30 on 1 January China time is on 1 January,
// whatever the browser's zone). Plain calendar dates (YYYY-MM-DD) throughout.

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** the calendar date in China of a UTC instant */
export const chinaDateOf = (instant: string) => new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(0, 10);

/** 'YYYY-MM' of a date, and the month's first day */
export const monthOf = (date: string) => date.slice(0, 7);
export const firstOfMonth = (month: string) => `${month}-01`;

export const shiftMonth = (month: string, by: number) => dayjs.utc(firstOfMonth(month)).add(by, 'month').format('YYYY-MM');

/** The 42 days of a month view: from the Monday on or before the 1st, six weeks. */
export function monthGrid(month: string): string[] {
  const first = dayjs.utc(firstOfMonth(month));
  const start = first.subtract((first.day() + 6) % 7, 'day');
  return Array.from({ length: 42 }, (_, i) => start.add(i, 'day').format('YYYY-MM-DD'));
}

/** Entries grouped by the China date they start on, in order of start. */
export function byDay<T extends { startsAt: string }>(entries: readonly T[]): Map<string, T[]> {
  const days = new Map<string, T[]>();
  for (const e of [...entries].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
    const day = chinaDateOf(e.startsAt);
    days.set(day, [...(days.get(day) ?? []), e]);
  }
  return days;
}

/** 14:00 in China of an instant */
export const chinaTime = (instant: string) => new Date(Date.parse(instant) + CHINA_OFFSET_MS).toISOString().slice(11, 16);
