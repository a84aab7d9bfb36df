import { isWorkingDay, type WorkCalendar } from './workday.rules.ts';

// Business hours on the working days of a federation's calendar (docs/decisions/0055): the hotline
// targets of DOMAIN §3.2 (30 min dispatch, 2 h first response, 24 h follow-up) count only the
// office's opening windows — by default 08:30–12:00 and 13:30–17:30 China time — of the days
// workday.rules.ts calls working (national holidays and 调休 make-up days, the operator's entries,
// the federation's closure days). A call at 17:20 on the last day before a holiday has 10 minutes
// counted that day and the rest on the first working morning after it. Pure; China Standard Time
// (UTC+8, no daylight saving).

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Opening windows of a working day, 'HH:MM-HH:MM' China time, in order, not overlapping. */
export type BusinessHours = readonly string[];

export const DEFAULT_BUSINESS_HOURS: BusinessHours = ['08:30-12:00', '13:30-17:30'];

const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** Windows as [start, end) minutes after midnight, or null when they are not well formed (bad form, empty, out of order, overlapping). */
export function parseBusinessHours(hours: BusinessHours): [number, number][] | null {
  if (!hours.length || hours.length > 4) return null;
  const out: [number, number][] = [];
  for (const h of hours) {
    const m = WINDOW.exec(h);
    if (!m) return null;
    const start = Number(m[1]) * 60 + Number(m[2]);
    const end = Number(m[3]) * 60 + Number(m[4]);
    if (end > 24 * 60 || end <= start) return null;
    if (out.length && start < out.at(-1)![1]) return null;
    out.push([start, end]);
  }
  return out;
}

function windowsOf(hours: BusinessHours): [number, number][] {
  const w = parseBusinessHours(hours);
  if (!w) throw new Error(`bad business hours: ${hours.join(',')}`);
  return w;
}

/** Business minutes in one working day of these hours. */
export const minutesPerDay = (hours: BusinessHours) => windowsOf(hours).reduce((s, [a, b]) => s + b - a, 0);

const chinaDay = (ms: number) => new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
const dayStart = (ms: number) => Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;

/** Business time between two instants: the part of [from, to) inside the windows of working days, in ms. */
export function businessMsBetween(from: Date, to: Date, hours: BusinessHours, cal: WorkCalendar): number {
  const windows = windowsOf(hours);
  let total = 0;
  for (let start = dayStart(from.getTime()); start < to.getTime(); start += DAY_MS) {
    if (!isWorkingDay(chinaDay(start), cal)) continue;
    for (const [a, b] of windows) total += Math.max(0, Math.min(start + b * MIN_MS, to.getTime()) - Math.max(start + a * MIN_MS, from.getTime()));
  }
  return total;
}

/**
 * The instant when `ms` of business time has passed after `from`. A budget that runs out exactly at
 * a window's end ends there (17:30), not at the next opening.
 */
export function addBusinessMs(from: Date, ms: number, hours: BusinessHours, cal: WorkCalendar): Date {
  const windows = windowsOf(hours);
  let left = ms;
  let at = from.getTime();
  // a year of days is far more than any hour target; the bound keeps a bad calendar from looping
  for (let i = 0; i < 3_660; i++) {
    const start = dayStart(at);
    if (isWorkingDay(chinaDay(start), cal)) {
      for (const [a, b] of windows) {
        const open = Math.max(start + a * MIN_MS, at);
        const room = start + b * MIN_MS - open;
        if (room <= 0) continue;
        if (left <= room) return new Date(open + left);
        left -= room;
        at = start + b * MIN_MS;
      }
    }
    at = start + DAY_MS;
  }
  throw new Error('addBusinessMs: no business hours within ten years');
}
