import type { RefusalCode } from './recuperationPolicy.ts';

// What a refused member reads, per reason, in zh-CN and en. Money vars are already formatted
// (¥600.00); {year} is a calendar year, {n} and {max} counts.

const zh: Record<RefusalCode, string> = {
  no_policy: '本会尚未设定该日期适用的疗休养政策，请联系工会',
  trip_too_long: '本次行程 {days} 天，超过每次最多 {max} 天（含路途）的规定',
  budget_per_day: '每人每天费用 {price}，超过每天 {max} 的标准',
  budget_per_year: '本次费用 {cost}，{year} 年累计将达 {total}，超过每年 {max} 的标准',
  trips_per_year: '{year} 年已安排疗休养 {n} 次，每年最多 {max} 次',
  parts_per_year: '{year} 年的疗休养已分 {n} 段安排，最多可分 {max} 段',
  days_per_year: '{year} 年累计疗休养将达 {total} 天，超过 {max} 天',
  repeat_within_years: '您于 {last} 年参加过疗休养，{years} 年内一般不重复安排',
  window_closed: '该批次报名时间为 {opens} 至 {closes}，当前不在报名时间内',
  batch_not_open: '该批次已停止报名',
  not_partner: '贵会与该基地所属工会之间没有生效的合作协议',
  no_agreement_places: '合作协议未约定 {year} 年的疗休养名额',
  quota_exhausted: '{year} 年的疗休养名额已用完（共 {granted} 个）',
  already_booked: '您已报名该批次',
  not_a_member: '只有会员本人可以报名',
  companions_too_many: '随行家属最多 {max} 人',
  base_not_certified: '基地“{base}”的疗休养基地认定不覆盖该批次日期（有效期至 {until}），暂不能报名',
};

const en: Record<RefusalCode, string> = {
  no_policy: 'Your federation has no recuperation policy for this date; please contact your union',
  trip_too_long: 'This trip lasts {days} days, more than the {max} days allowed per trip (travel included)',
  budget_per_day: 'It costs {price} per person per day, above the limit of {max} per day',
  budget_per_year: 'This trip costs {cost}, bringing {year} to {total}, above the yearly limit of {max}',
  trips_per_year: 'You already have {n} trip(s) in {year}; at most {max} per year',
  parts_per_year: 'Your {year} trip is already split into {n} part(s); at most {max}',
  days_per_year: 'Your trips in {year} would total {total} days, more than {max}',
  repeat_within_years: 'You went on a trip in {last}; trips are generally not repeated within {years} years',
  window_closed: 'Booking for this batch is open from {opens} to {closes}, not today',
  batch_not_open: 'This batch no longer takes bookings',
  not_partner: 'Your federation has no agreement in force with the host of this base',
  no_agreement_places: 'The agreement sets no recuperation places for {year}',
  quota_exhausted: 'All {granted} recuperation places for {year} are taken',
  already_booked: 'You have already booked this batch',
  not_a_member: 'Only the member themself may book',
  companions_too_many: 'At most {max} companions',
  base_not_certified: 'The certification of the base "{base}" does not cover the dates of this batch (valid until {until}); it cannot be booked',
};

export function refusalMessage(code: RefusalCode, locale: string, vars: Record<string, string | number>): string {
  const text = (locale === 'en' ? en : zh)[code];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

/** ¥1,280.00 from 128000 fen */
export function formatYuan(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  return `¥${yuan.toLocaleString('en-US')}.${String(cents).padStart(2, '0')}`;
}
