import { refusalMessage } from '@uc/contracts';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../../lib/dates.ts';
import { checkRules, countsAsUsed, policyInForce, priorityOf, ZHEJIANG_POLICY, type PastBooking, type PolicyRules } from './policy.rules.ts';
import { isBookable, today } from './recuperation.rules.ts';
import type { BatchRow } from './recuperation.types.ts';

// Each rule of the home federation's policy on its own (DOMAIN §3.4, the Zhejiang figures).

const ZJ: PolicyRules = { id: 'zj', ...ZHEJIANG_POLICY };
const trip = (startDate: string, days = 5, pricePerDayFen = 50_000) => ({ startDate, days, pricePerDayFen });
const past = (startDate: string, days: number, extra: Partial<PastBooking> = {}): PastBooking => ({
  status: 'completed',
  startDate,
  days,
  pricePerDayFen: 50_000,
  cancelKind: null,
  cancelJustified: null,
  ...extra,
});
const codes = (p: PolicyRules, t: ReturnType<typeof trip>, h: PastBooking[] = []) => checkRules(p, t, h).map((r) => r.code);

describe('each policy rule', () => {
  it('allows a first five-day trip within budget', () => {
    expect(codes(ZJ, trip('2027-03-01'))).toEqual([]);
  });

  it('limits days per trip, travel included', () => {
    expect(codes(ZJ, trip('2027-03-01', 6))).toContain('trip_too_long');
  });

  it('limits the price per person per day', () => {
    const r = checkRules(ZJ, trip('2027-03-01', 3, 60_001), []);
    expect(r.map((x) => x.code)).toEqual(['budget_per_day']);
    expect(refusalMessage(r[0]!.code, 'zh-CN', r[0]!.vars)).toBe('每人每天费用 ¥600.01，超过每天 ¥600.00 的标准');
  });

  it('limits the budget per year, counting earlier parts of the same year', () => {
    const p = { ...ZJ, maxDaysPerTrip: 10 };
    expect(codes(p, trip('2027-09-01', 4, 60_000), [past('2027-03-01', 2, { pricePerDayFen: 60_000 })])).toContain('budget_per_year');
    expect(codes(p, trip('2027-09-01', 3, 60_000), [past('2027-03-01', 2, { pricePerDayFen: 60_000 })])).not.toContain('budget_per_year');
  });

  it('splits one trip a year into at most two parts, at most five days in all', () => {
    expect(codes(ZJ, trip('2027-09-01', 2), [past('2027-03-01', 3)])).toEqual([]);
    expect(codes(ZJ, trip('2027-09-01', 3), [past('2027-03-01', 3)])).toEqual(['days_per_year']);
    expect(codes(ZJ, trip('2027-10-01', 1), [past('2027-03-01', 2), past('2027-06-01', 2)])).toContain('parts_per_year');
  });

  it('counts trips per year when a trip may not be split', () => {
    expect(codes({ ...ZJ, maxParts: 1 }, trip('2027-09-01', 2), [past('2027-03-01', 3)])).toContain('trips_per_year');
    expect(codes({ ...ZJ, tripsPerYear: 0 }, trip('2027-09-01'))).toContain('trips_per_year');
    expect(codes({ ...ZJ, tripsPerYear: 2, maxParts: 1, noRepeatYears: 0, budgetPerYearFen: 600_000 }, trip('2027-09-01', 5), [past('2027-03-01', 5)])).toEqual([]);
  });

  it('does not repeat within three years: a 2025 trip blocks 2026 and 2027 but not 2028', () => {
    const h = [past('2025-05-01', 5)];
    const p = { ...ZJ, effectiveFrom: '2025-01-01' };
    expect(codes(p, trip('2026-05-01'), h)).toEqual(['repeat_within_years']);
    expect(codes(p, trip('2027-05-01'), h)).toEqual(['repeat_within_years']);
    expect(codes(p, trip('2028-05-01'), h)).toEqual([]);
    expect(codes({ ...p, noRepeatYears: 0 }, trip('2026-05-01'), h)).toEqual([]);
  });

  it('counts a place given up without a reason as used, only when the policy says so', () => {
    const givenUp = past('2027-03-01', 5, { status: 'cancelled', cancelKind: 'member', cancelJustified: false });
    expect(countsAsUsed(givenUp, ZJ)).toBe(true);
    expect(codes(ZJ, trip('2027-09-01', 2, 10_000), [givenUp])).toEqual(['days_per_year']);
    expect(countsAsUsed(givenUp, { givenUpCountsAsUsed: false })).toBe(false);
    expect(countsAsUsed({ ...givenUp, cancelJustified: true }, ZJ)).toBe(false);
    expect(countsAsUsed({ ...givenUp, cancelKind: 'host_rejected', cancelJustified: true }, ZJ)).toBe(false);
    expect(countsAsUsed({ ...givenUp, status: 'no_show' }, ZJ)).toBe(true);
    expect(countsAsUsed({ ...givenUp, status: 'waitlisted' }, ZJ)).toBe(false);
  });

  it('ranks the priority groups in the policy order, honours valid on the trip date', () => {
    const none = { frontline: false, honours: [] };
    expect(priorityOf(ZJ, { frontline: true, honours: [] }, [], '2027-03-01')).toEqual({ groups: ['frontline', 'never_sent'], rank: 0 });
    expect(priorityOf(ZJ, { frontline: false, honours: [{ kind: 'may_day_medal', validFrom: '2023-04-28', validUntil: null }] }, [past('2024-01-01', 3)], '2027-03-01')).toEqual({
      groups: ['model_worker'],
      rank: 1,
    });
    const expired = { frontline: false, honours: [{ kind: 'skilled_worker', validFrom: '2020-01-01', validUntil: '2026-12-31' }] };
    expect(priorityOf(ZJ, expired, [past('2024-01-01', 3)], '2027-03-01')).toEqual({ groups: [], rank: 4 });
    expect(priorityOf(ZJ, none, [], '2027-03-01')).toEqual({ groups: ['never_sent'], rank: 3 });
    expect(priorityOf({ ...ZJ, priorityGroups: ['never_sent', 'frontline'] }, { frontline: true, honours: [] }, [], '2027-03-01').rank).toBe(0);
  });
});

describe('effective dates and year boundaries (Asia/Shanghai)', () => {
  const p2026 = { ...ZJ, id: '2026', effectiveFrom: '2026-01-01', effectiveTo: '2026-12-31' };
  const p2027 = { ...ZJ, id: '2027', effectiveFrom: '2027-01-01', effectiveTo: null, maxDaysPerTrip: 4 };

  it('applies the policy in force on the trip start date', () => {
    expect(policyInForce([p2026, p2027], '2026-12-31')?.id).toBe('2026');
    expect(policyInForce([p2026, p2027], '2027-01-01')?.id).toBe('2027');
    expect(policyInForce([p2026], '2027-01-01')).toBeNull();
    expect(policyInForce([p2026, p2027], '2025-06-01')).toBeNull();
    // a later start wins over an open-ended earlier one
    expect(policyInForce([{ ...p2026, effectiveTo: null }, p2027], '2027-06-01')?.id).toBe('2027');
  });

  it('turns the year at midnight in China, not in UTC', () => {
    expect(chinaDate(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    // the module's today() is the shared chinaDate of the context's clock (lib/dates.test.ts checks it against the time-zone database)
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000 + 17_000) {
      expect(today({ now: new Date(t) })).toBe(chinaDate(new Date(t)));
    }
  });

  it('opens a booking window on its first day, China time', () => {
    const b = { status: 'open', bookingOpens: '2027-01-01', bookingCloses: '2027-01-31' } as BatchRow;
    expect(isBookable(b, chinaDate(new Date('2026-12-31T15:59:00Z')))).toBe(false);
    expect(isBookable(b, chinaDate(new Date('2026-12-31T16:01:00Z')))).toBe(true);
    expect(isBookable(b, chinaDate(new Date('2027-01-31T15:59:00Z')))).toBe(true);
    expect(isBookable(b, chinaDate(new Date('2027-01-31T16:00:00Z')))).toBe(false);
    expect(isBookable({ ...b, status: 'closed' }, '2027-01-10')).toBe(false);
  });

  it('counts a trip in the year it starts: December and January are different years', () => {
    const dec = [past('2026-12-28', 3)];
    const p = { ...ZJ, noRepeatYears: 0 };
    expect(codes(p, trip('2027-01-02', 5), dec)).toEqual([]);
    expect(codes(p, trip('2026-12-31', 3), dec)).toEqual(['days_per_year']);
    expect(codes(ZJ, trip('2027-01-02', 5), dec)).toEqual(['repeat_within_years']);
  });
});
