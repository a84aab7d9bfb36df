import { JOINT_ITEM_TRANSITIONS, STATUS_NEEDS_REASON, type JointItemStatus, type ProgressDto } from '@uc/contracts';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { AppError } from '../../errors.ts';

dayjs.extend(utc);

// The rules of joint items and milestones as plain functions (DOMAIN §3), tested on their own.
// Dates are calendar dates ('YYYY-MM-DD') in Asia/Shanghai: the caller turns "now" into today's
// China date once (lib/dates chinaDate) and everything here compares calendar dates.

/** Refuses a status move the item may not make, or one that needs a reason and has none. */
export function assertStatusMove(from: JointItemStatus, to: JointItemStatus, reason: string, openMilestones: number): void {
  if (from === to || !JOINT_ITEM_TRANSITIONS[from].includes(to)) throw new AppError('ITEM_TRANSITION', { from, to });
  const reopening = from === 'done';
  if ((STATUS_NEEDS_REASON.includes(to) || reopening) && !reason.trim()) throw new AppError('BAD_INPUT', { fields: { reason: 'required' } });
  // done means the work plan's milestones are all confirmed by both sides
  if (to === 'done' && openMilestones > 0) throw new AppError('ITEM_TRANSITION', { from, to, openMilestones });
}

/** Progress from milestones: confirmed / total, as a whole percent (0 with none). */
export function progressOf(done: number, total: number): ProgressDto {
  return { done, total, percent: total ? Math.floor((100 * done) / total) : 0 };
}

/** A milestone is done once every party has confirmed it in the current round. */
export function isFullyConfirmed(partyTenantIds: string[], confirmedTenantIds: string[]): boolean {
  const confirmed = new Set(confirmedTenantIds);
  return partyTenantIds.length > 0 && partyTenantIds.every((p) => confirmed.has(p));
}

/** Whole days from a to b (b − a) between calendar dates. */
export function daysBetween(a: string, b: string): number {
  return dayjs.utc(b).diff(dayjs.utc(a), 'day');
}

/** An open milestone is overdue from the day after its due date: the due date itself is still in time. */
export function daysOverdue(dueDate: string, today: string, status: string): number {
  if (status !== 'open') return 0;
  return Math.max(0, daysBetween(dueDate, today));
}

export const ALERT_PERIOD_DAYS = 7;

/**
 * The overdue alert period a milestone is in today: 0 on the first day overdue, 1 a week later, and
 * so on; null while it is not overdue. One alert goes out per period.
 */
export function alertPeriod(dueDate: string, today: string, status: string): number | null {
  const late = daysOverdue(dueDate, today, status);
  return late > 0 ? Math.floor((late - 1) / ALERT_PERIOD_DAYS) : null;
}

/** due today or within the next `days` days, and not yet done */
export function isDueSoon(dueDate: string, today: string, status: string, days: number): boolean {
  if (status !== 'open') return false;
  const d = daysBetween(today, dueDate);
  return d >= 0 && d <= days;
}

/** "My items" order: overdue milestones first, then off track, at risk, awaiting my side's confirmation, due soon, then the next due date. */
export function attentionOrder(
  a: { overdueMilestones: number; health: string | null; awaitingMyConfirmation: number; dueSoonMilestones: number; nextDueDate: string | null; title: string },
  b: typeof a,
): number {
  const healthRank = (h: string | null) => (h === 'off_track' ? 0 : h === 'at_risk' ? 1 : 2);
  return (
    Number(b.overdueMilestones > 0) - Number(a.overdueMilestones > 0) ||
    b.overdueMilestones - a.overdueMilestones ||
    healthRank(a.health) - healthRank(b.health) ||
    Number(b.awaitingMyConfirmation > 0) - Number(a.awaitingMyConfirmation > 0) ||
    Number(b.dueSoonMilestones > 0) - Number(a.dueSoonMilestones > 0) ||
    (a.nextDueDate ?? '9999') .localeCompare(b.nextDueDate ?? '9999') ||
    a.title.localeCompare(b.title, 'zh-CN')
  );
}
