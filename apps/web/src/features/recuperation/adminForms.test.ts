import type { BatchDto, PolicyDto, RouteDto } from '@uc/contracts';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toBaseFields, toBatchFields, toBatchFormValues, toPolicyFields, toPolicyFormValues, toRouteFields, toRouteFormValues } from './adminForms.ts';

const route: RouteDto = {
  id: 'r1',
  hostSlug: 'hangzhou',
  title: '西湖五日',
  description: '',
  bases: [{ id: 'b1', name: '西湖', city: '杭州' }],
  days: 5,
  itinerary: [{ day: 1, text: '报到' }],
  pricePerDayFen: 58050,
  active: true,
  rowVersion: 3,
};

describe('the batch form', () => {
  it('gives back the batch it was given, dates as YYYY-MM-DD', () => {
    const batch = {
      route: { id: 'r1' },
      code: '2026-XH-12',
      startDate: '2026-12-05',
      nights: 4,
      capacity: 40,
      bookingOpens: '2026-11-01',
      bookingCloses: '2026-11-25',
      cancelDeadline: '2026-11-28',
      status: 'open',
    } as BatchDto;
    expect(toBatchFields(toBatchFormValues(batch, dayjs()))).toEqual({
      routeId: 'r1',
      code: '2026-XH-12',
      startDate: '2026-12-05',
      nights: 4,
      capacity: 40,
      bookingOpens: '2026-11-01',
      bookingCloses: '2026-11-25',
      cancelDeadline: '2026-11-28',
    });
  });

  it('opens a new batch for booking today', () => {
    const today = dayjs('2026-11-21');
    expect(toBatchFields(toBatchFormValues(null, today)).bookingOpens).toBe('2026-11-21');
  });
});

describe('the route form', () => {
  it('shows the price in yuan and sends it back in fen', () => {
    const v = toRouteFormValues(route);
    expect(v.pricePerDay).toBe('580.50');
    expect(toRouteFields(v).pricePerDayFen).toBe(58050);
  });

  it('numbers itinerary days by their line, leaving blank days out', () => {
    const fields = toRouteFields({ ...toRouteFormValues(route), itinerary: [{ day: 4, text: '报到' }, { text: '  ' }, { text: '千岛湖' }] });
    expect(fields.itinerary).toEqual([
      { day: 1, text: '报到' },
      { day: 3, text: '千岛湖' },
    ]);
  });
});

describe('the base form', () => {
  it('splits the certification period and trims lists', () => {
    const fields = toBaseFields({ name: ' 西湖 ', city: '杭州', facilities: [' 温泉', ''], certified: [dayjs('2025-01-01'), dayjs('2027-12-31')], certificationLevel: 'provincial' });
    expect(fields).toMatchObject({ name: '西湖', facilities: ['温泉'], certifiedFrom: '2025-01-01', certifiedUntil: '2027-12-31', certificationLevel: 'provincial' });
  });
});

describe('the policy form', () => {
  it('starts a new policy from the Zhejiang figures on the first of next month', () => {
    const fields = toPolicyFields(toPolicyFormValues(null, dayjs('2026-11-21')));
    expect(fields).toMatchObject({ effectiveFrom: '2026-12-01', effectiveTo: null, maxDaysPerTrip: 5, budgetPerDayFen: 60000, budgetPerYearFen: 300000, tripsPerYear: 1, noRepeatYears: 3, maxParts: 2, givenUpCountsAsUsed: true });
  });

  it('keeps an existing policy as it was', () => {
    const p = {
      id: 'p1',
      effectiveFrom: '2026-01-01',
      effectiveTo: '2026-12-31',
      maxDaysPerTrip: 4,
      budgetPerDayFen: 55000,
      budgetPerYearFen: 280000,
      tripsPerYear: 1,
      noRepeatYears: 2,
      maxParts: 1,
      priorityGroups: ['model_worker', 'frontline'],
      givenUpCountsAsUsed: false,
      note: '试行',
      current: true,
      createdAt: '2025-12-01T00:00:00Z',
    } as PolicyDto;
    const { id: _id, current: _c, createdAt: _at, ...fields } = p;
    expect(toPolicyFields(toPolicyFormValues(p, dayjs()))).toEqual(fields);
  });
});
