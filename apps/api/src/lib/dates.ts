import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TZ = 'Asia/Shanghai';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/**
 * The calendar date in China Standard Time at this instant ('YYYY-MM-DD'). Asia/Shanghai has kept
 * UTC+8 without daylight saving since 1991, so a fixed offset gives what the time-zone database
 * gives (dates.test.ts checks it) without a time-zone lookup: the booking path asks several times.
 */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as Chinese readers write it, in Beijing time: '2026年3月5日 14:07'. */
export const chinaDateTime = (d: Date) => dayjs(d).tz(CHINA_TZ).format('YYYY年M月D日 HH:mm');
/** The same in the form English texts use: '2026-03-05 14:07'. */
/** The hour of the day (0–23) in China. */
export const chinaHour = (d: Date) => dayjs(d).tz(CHINA_TZ).hour();
export const chinaDateTimeEn = (d: Date) => dayjs(d).tz(CHINA_TZ).format('YYYY-MM-DD HH:mm');

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

export function addYears(date: string, years: number): string {
  return dayjs.utc(date).add(years, 'year').format('YYYY-MM-DD');
}
