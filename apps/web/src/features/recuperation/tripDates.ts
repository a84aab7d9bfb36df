import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import type { Locale } from '@uc/contracts';
import { CHINA_TZ, formatDate } from '@/lib/dates.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The day of departure: start date plus the nights (calendar dates, no zone involved). */
export function tripEndDate(startDate: string, nights: number): string {
  return dayjs.utc(startDate).add(nights, 'day').format('YYYY-MM-DD');
}

/** 2026年12月5日–12月9日 (the year once when both ends share it), or 5 Dec – 9 Dec 2026. */
export function formatTripDates(startDate: string, nights: number, locale: Locale): string {
  const endDate = tripEndDate(startDate, nights);
  const sameYear = startDate.slice(0, 4) === endDate.slice(0, 4);
  if (locale === 'en') {
    const start = dayjs.utc(startDate).locale('en').format(sameYear ? 'D MMM' : 'D MMM YYYY');
    return `${start} – ${formatDate(endDate, 'en')}`;
  }
  const end = dayjs.utc(endDate);
  return `${formatDate(startDate, 'zh-CN')}–${sameYear ? end.format('M月D日') : formatDate(endDate, 'zh-CN')}`;
}

/** 12月1日 or 1 Dec: a date near the trip, whose year the trip's dates already say. */
export function formatMonthDay(date: string, locale: Locale): string {
  const d = dayjs.utc(date.slice(0, 10));
  return locale === 'en' ? d.locale('en').format('D MMM') : d.format('M月D日');
}

/**
 * The moment a deadline passes. A calendar date counts until the end of that day in China;
 * an instant is itself.
 */
export function deadlineInstant(deadline: string): Date {
  return CALENDAR_DATE.test(deadline) ? dayjs.tz(deadline, CHINA_TZ).add(1, 'day').toDate() : new Date(deadline);
}

export function beforeDeadline(deadline: string | null | undefined, now: Date): boolean {
  if (!deadline) return true;
  return now.getTime() < deadlineInstant(deadline).getTime();
}

/** Whole hours and minutes until an instant (an offer's expiry); null once it has passed. */
export function timeLeft(until: string, now: Date): { hours: number; minutes: number } | null {
  const ms = new Date(until).getTime() - now.getTime();
  if (!(ms > 0)) return null;
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return { hours: Math.floor(minutes / 60), minutes: minutes % 60 };
}

/** The calendar year in China now (quota and policy years turn at midnight in Asia/Shanghai). */
export function chinaYear(now: Date): number {
  return dayjs(now).tz(CHINA_TZ).year();
}
