import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Locale } from '@uc/contracts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every instant is shown in China Standard Time, wherever the browser is. */
export const CHINA_TZ = 'Asia/Shanghai';
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function inChina(value: string) {
  return CALENDAR_DATE.test(value) ? dayjs.tz(value, CHINA_TZ) : dayjs.utc(value).tz(CHINA_TZ);
}

/** 2026年11月21日 (zh-CN) or 21 Nov 2026 (en); takes a calendar date or a UTC instant. */
export function formatDate(value: string, locale: Locale): string {
  const d = inChina(value);
  return locale === 'en' ? d.locale('en').format('D MMM YYYY') : d.format('YYYY年M月D日');
}

/** 2026-11-21 14:05 in Asia/Shanghai, as offices write it in either language. */
export function formatDateTime(value: string): string {
  return inChina(value).format('YYYY-MM-DD HH:mm');
}

/** A picked calendar date back to the wire form YYYY-MM-DD. */
export function toDateString(d: dayjs.Dayjs): string {
  return d.format('YYYY-MM-DD');
}

/**
 * What a date field accepts when typed (the first is how it is shown): 2026-03-01, 2026/03/01,
 * 2026.03.01 or 20260301. Give it to every DatePicker as `format`; never make the input read-only.
 */
export const DATE_INPUT_FORMATS = ['YYYY-MM-DD', 'YYYY/MM/DD', 'YYYY.MM.DD', 'YYYYMMDD'];

/** Today's calendar date in China (YYYY-MM-DD), for states derived from dates (待生效, 已结束). */
export function todayInChina(): string {
  return dayjs().tz(CHINA_TZ).format('YYYY-MM-DD');
}
