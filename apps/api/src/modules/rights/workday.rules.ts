import chineseDays from 'chinese-days';

// Working days on the Chinese calendar (docs/decisions/0013-rights-referral.md): the national
// public holidays and their make-up working days (调休) come from the `chinese-days` package,
// which follows the State Council's yearly notices; for a year a release does not know yet, the
// platform operator enters the notice's days (national_calendar_day, docs/decisions/0050), which
// override the package day by day; a federation adds its own closure days.
// Days are calendar days in China Standard Time (UTC+8, no daylight saving since 1991).
// The package is CommonJS: Node's ESM loader sees only its default export, so take the function from it.
const { isWorkday, getHolidaysInRange } = chineseDays;

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

export interface WorkCalendar {
  /** 'YYYY-MM-DD' days the federation is closed on top of the national calendar */
  closures: ReadonlySet<string>;
  /** the operator's entries of the State Council's notice: day → working day or not */
  national?: ReadonlyMap<string, boolean>;
}

export const nationalCalendar: WorkCalendar = { closures: new Set() };

export function isWorkingDay(date: string, cal: WorkCalendar = nationalCalendar): boolean {
  if (cal.closures.has(date)) return false;
  return cal.national?.get(date) ?? isWorkday(date);
}

/**
 * Whether the national arrangement of a year is known: the package's release lists its statutory
 * holidays, or the operator has entered the notice's days. An unknown year would count New Year's
 * Day and the Spring Festival as working days, so the levels page says so.
 */
export function yearKnown(year: number, national: ReadonlyMap<string, boolean> = new Map()): boolean {
  if ([...national.keys()].some((d) => d.startsWith(`${year}-`))) return true;
  return getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
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
