import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const CHINA_TZ = 'Asia/Shanghai';

/** The calendar date in China Standard Time at this instant ('YYYY-MM-DD'). */
export function chinaDate(now: Date): string {
  return dayjs(now).tz(CHINA_TZ).format('YYYY-MM-DD');
}

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

export function addYears(date: string, years: number): string {
  return dayjs.utc(date).add(years, 'year').format('YYYY-MM-DD');
}
