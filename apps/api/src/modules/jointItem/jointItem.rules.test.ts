import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.ts';
import { chinaDate } from '../../lib/dates.ts';
import { alertPeriod, assertStatusMove, attentionOrder, daysOverdue, isDueSoon, isFullyConfirmed, progressOf } from './jointItem.rules.ts';

const codeOf = (fn: () => void) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : 'other';
  }
};

describe('item status moves', () => {
  it('allows not_started → in_progress → done, and delayed or cancelled with a reason', () => {
    expect(codeOf(() => assertStatusMove('not_started', 'in_progress', '', 0))).toBeNull();
    expect(codeOf(() => assertStatusMove('in_progress', 'done', '', 0))).toBeNull();
    expect(codeOf(() => assertStatusMove('in_progress', 'delayed', '场地未落实', 0))).toBeNull();
    expect(codeOf(() => assertStatusMove('delayed', 'in_progress', '', 0))).toBeNull();
    expect(codeOf(() => assertStatusMove('not_started', 'cancelled', '合并到其他项目', 0))).toBeNull();
  });

  it('refuses skipping, standing still, leaving cancelled, and moves without their reason', () => {
    expect(codeOf(() => assertStatusMove('not_started', 'done', '', 0))).toBe('ITEM_TRANSITION');
    expect(codeOf(() => assertStatusMove('in_progress', 'in_progress', '', 0))).toBe('ITEM_TRANSITION');
    expect(codeOf(() => assertStatusMove('cancelled', 'in_progress', '恢复', 0))).toBe('ITEM_TRANSITION');
    expect(codeOf(() => assertStatusMove('in_progress', 'delayed', '  ', 0))).toBe('BAD_INPUT');
    expect(codeOf(() => assertStatusMove('in_progress', 'cancelled', '', 0))).toBe('BAD_INPUT');
    // reopening a finished item needs a reason too
    expect(codeOf(() => assertStatusMove('done', 'in_progress', '', 0))).toBe('BAD_INPUT');
    expect(codeOf(() => assertStatusMove('done', 'in_progress', '成果需补充', 0))).toBeNull();
  });

  it('refuses done while a milestone is still unconfirmed', () => {
    expect(codeOf(() => assertStatusMove('in_progress', 'done', '', 1))).toBe('ITEM_TRANSITION');
    expect(codeOf(() => assertStatusMove('delayed', 'done', '', 2))).toBe('ITEM_TRANSITION');
  });
});

describe('dual confirmation', () => {
  const [hz, nb, sx] = ['hz', 'nb', 'sx'];
  it('is complete only when every party has confirmed', () => {
    expect(isFullyConfirmed([hz, nb], [])).toBe(false);
    expect(isFullyConfirmed([hz, nb], [hz])).toBe(false);
    expect(isFullyConfirmed([hz, nb], [nb, hz])).toBe(true);
    expect(isFullyConfirmed([hz, nb, sx], [hz, nb])).toBe(false);
    // a confirmation by a federation that is not a party counts for nothing
    expect(isFullyConfirmed([hz, nb], [hz, sx])).toBe(false);
    expect(isFullyConfirmed([], [])).toBe(false);
  });
});

describe('progress', () => {
  it('derives from confirmed milestones over all milestones, rounded down', () => {
    expect(progressOf(0, 0)).toEqual({ done: 0, total: 0, percent: 0 });
    expect(progressOf(1, 3)).toEqual({ done: 1, total: 3, percent: 33 });
    expect(progressOf(2, 3)).toEqual({ done: 2, total: 3, percent: 66 });
    expect(progressOf(4, 4)).toEqual({ done: 4, total: 4, percent: 100 });
  });
});

describe('overdue at date boundaries in Asia/Shanghai', () => {
  it('is not overdue on the due date itself, up to 23:59:59 China time', () => {
    // 2026-03-31 23:59:59 in China is 15:59:59 UTC the same day
    const lastSecond = chinaDate(new Date('2026-03-31T15:59:59Z'));
    expect(lastSecond).toBe('2026-03-31');
    expect(daysOverdue('2026-03-31', lastSecond, 'open')).toBe(0);
    expect(alertPeriod('2026-03-31', lastSecond, 'open')).toBeNull();
  });

  it('is overdue from 00:00 China time the next day, though UTC is still on the due date', () => {
    const midnight = new Date('2026-03-31T16:00:00Z');
    expect(midnight.toISOString().slice(0, 10)).toBe('2026-03-31');
    const today = chinaDate(midnight);
    expect(today).toBe('2026-04-01');
    expect(daysOverdue('2026-03-31', today, 'open')).toBe(1);
    expect(alertPeriod('2026-03-31', today, 'open')).toBe(0);
  });

  it('counts calendar days across month and leap-year ends', () => {
    expect(daysOverdue('2028-02-28', '2028-03-01', 'open')).toBe(2);
    expect(daysOverdue('2026-12-31', '2027-01-01', 'open')).toBe(1);
  });

  it('never counts a done milestone as overdue', () => {
    expect(daysOverdue('2026-01-01', '2026-06-01', 'done')).toBe(0);
    expect(alertPeriod('2026-01-01', '2026-06-01', 'done')).toBeNull();
  });

  it('starts a new alert period each further week overdue', () => {
    const periods = [1, 7, 8, 14, 15].map((d) => alertPeriod('2026-03-31', addDaysUtc('2026-03-31', d), 'open'));
    expect(periods).toEqual([0, 0, 1, 1, 2]);
  });

  it('counts a milestone due today, or within the window, as due soon', () => {
    expect(isDueSoon('2026-04-01', '2026-04-01', 'open', 14)).toBe(true);
    expect(isDueSoon('2026-04-15', '2026-04-01', 'open', 14)).toBe(true);
    expect(isDueSoon('2026-04-16', '2026-04-01', 'open', 14)).toBe(false);
    expect(isDueSoon('2026-03-31', '2026-04-01', 'open', 14)).toBe(false);
    expect(isDueSoon('2026-04-02', '2026-04-01', 'done', 14)).toBe(false);
  });
});

describe('"my items" order', () => {
  const item = (title: string, o: Partial<{ overdueMilestones: number; health: string | null; awaitingMyConfirmation: number; dueSoonMilestones: number; nextDueDate: string | null }> = {}) => ({
    title,
    overdueMilestones: 0,
    health: null,
    awaitingMyConfirmation: 0,
    dueSoonMilestones: 0,
    nextDueDate: null,
    ...o,
  });
  it('puts overdue first, then off track, at risk, awaiting my confirmation, due soon, then the next due date', () => {
    const list = [
      item('later', { nextDueDate: '2026-09-01' }),
      item('soon', { dueSoonMilestones: 1, nextDueDate: '2026-04-05' }),
      item('mine to confirm', { awaitingMyConfirmation: 1, nextDueDate: '2026-08-01' }),
      item('risk', { health: 'at_risk' }),
      item('off', { health: 'off_track' }),
      item('late1', { overdueMilestones: 1 }),
      item('late2', { overdueMilestones: 2, health: 'on_track' }),
      item('earlier', { nextDueDate: '2026-06-01' }),
    ];
    expect(list.sort(attentionOrder).map((i) => i.title)).toEqual(['late2', 'late1', 'off', 'risk', 'mine to confirm', 'soon', 'earlier', 'later']);
  });
});

function addDaysUtc(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
