import { daysBetween } from './attention.ts';

/** Where things sit on a timeline of calendar dates, as fractions 0…1 of its width. */
export interface TimelineScale {
  from: string;
  to: string;
  /** 0…1 for a date in range (clamped outside it) */
  at(date: string): number;
  /** the first day of each month in range, for the axis */
  months: { date: string; at: number }[];
}

const firstOfMonth = (date: string) => `${date.slice(0, 7)}-01`;

function nextMonth(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** A scale from the first of the earliest date's month to the first of the month after the latest date. */
export function timelineScale(dates: readonly string[]): TimelineScale | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  const from = firstOfMonth(sorted[0]!);
  const to = nextMonth(sorted[sorted.length - 1]!);
  const span = daysBetween(from, to);
  const at = (date: string) => Math.min(1, Math.max(0, daysBetween(from, date) / span));
  const months: TimelineScale['months'] = [];
  for (let d = from; d < to; d = nextMonth(d)) months.push({ date: d, at: at(d) });
  return { from, to, at, months };
}

function addMonths(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

/** A year's window around today (a quarter back, three quarters ahead): what a lead looks at this year. */
export function yearAround(today: string): [string, string] {
  const start = addMonths(today, -3);
  const end = new Date(Date.parse(`${addMonths(start, 12)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return [start, end];
}

/** Whether a date falls inside the scale (things outside a window are left out, not piled at its edge). */
export const inScale = (scale: Pick<TimelineScale, 'from' | 'to'>, date: string) => date >= scale.from && date <= scale.to;

/** Every nth month label, so labels never crowd on a narrow screen (about one per `minGap` of the width). */
export function labelEvery(monthCount: number, widthPx: number, minGapPx = 56): number {
  if (monthCount === 0) return 1;
  // not measured yet: only the first label, never a pile of them
  if (widthPx <= 0) return monthCount;
  return Math.max(1, Math.ceil((monthCount * minGapPx) / widthPx));
}
