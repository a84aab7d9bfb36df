import chineseDays from 'chinese-days';

// Working days on the Chinese calendar (docs/decisions/0013-rights-referral.md): the national
// public holidays and their make-up working days (调休) come from the `chinese-days` package,
// which follows the State Council's yearly notices; a federation adds its own closure days.
// Days are calendar days in China Standard Time (UTC+8, no daylight saving since 1991).
// The package is CommonJS: Node's ESM loader sees only its default export, so take the function from it.
const { isWorkday } = chineseDays;

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface WorkCalendar {
  /** 'YYYY-MM-DD' days the federation is closed on top of the national calendar */
  closures: ReadonlySet<string>;
}

export const nationalCalendar: WorkCalendar = { closures: new Set() };

export function isWorkingDay(date: string, cal: WorkCalendar = nationalCalendar): boolean {
  return !cal.closures.has(date) && isWorkday(date);
}

/** The China calendar date an instant falls on. */
const chinaDay = (ms: number) => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
/** The instant the China calendar day containing `ms` starts. */
const dayStart = (ms: number) => Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;

/** Working time between two instants: the part of [from, to) that falls on working days, in ms. */
export function workingMsBetween(from: Date, to: Date, cal: WorkCalendar = nationalCalendar): number {
  let total = 0;
  for (let start = dayStart(from.getTime()); start < to.getTime(); start += DAY_MS) {
    if (!isWorkingDay(chinaDay(start), cal)) continue;
    total += Math.max(0, Math.min(start + DAY_MS, to.getTime()) - Math.max(start, from.getTime()));
  }
  return total;
}

/** The instant when `workingMs` of working time has passed after `from` (counting working days only). */
export function addWorkingMs(from: Date, workingMs: number, cal: WorkCalendar = nationalCalendar): Date {
  let left = workingMs;
  let at = from.getTime();
  // a year of days is far more than any service level; the bound keeps a bad calendar from looping
  for (let i = 0; i < 3_660; i++) {
    const start = dayStart(at);
    if (isWorkingDay(chinaDay(start), cal)) {
      const room = start + DAY_MS - at;
      if (left <= room) return new Date(at + left);
      left -= room;
    }
    at = start + DAY_MS;
  }
  throw new Error('addWorkingMs: no working day within ten years');
}

export const WORKING_DAY_MS = DAY_MS;
