import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { CHINA_TZ } from '@/lib/dates.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Today's calendar date in China (YYYY-MM-DD), whatever the browser's time zone: due dates are Chinese dates. */
export function todayInChina(now: Date = new Date()): string {
  return dayjs(now).tz(CHINA_TZ).format('YYYY-MM-DD');
}
