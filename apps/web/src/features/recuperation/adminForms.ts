import dayjs, { type Dayjs } from 'dayjs';
import type { BaseDto, BatchDto, PolicyDto, PriorityGroup, RouteDto } from '@uc/contracts';
import { PRIORITY_GROUPS } from '@uc/contracts';
import { toDateString } from '@/lib/dates.ts';
import { fenToYuanInput, yuanToFen } from './money.ts';

// The staff forms keep dates as dayjs (what the pickers take) and money as yuan text (what people
// type); the API takes 'YYYY-MM-DD' and integer fen. These convert both ways.

const day = (d: string) => dayjs(d, 'YYYY-MM-DD');
const date = (d: Dayjs | undefined) => (d ? toDateString(d) : '');
const fen = (yuan: string | number | undefined) => yuanToFen(String(yuan ?? '')) ?? 0;

export interface BatchFormValues {
  routeId?: string;
  code?: string;
  startDate?: Dayjs;
  nights?: number;
  capacity?: number;
  bookingOpens?: Dayjs;
  bookingCloses?: Dayjs;
  cancelDeadline?: Dayjs;
  status?: BatchDto['status'];
}

/** A new batch opens for booking today; an existing one as it is. */
export function toBatchFormValues(b: BatchDto | null, today: Dayjs): BatchFormValues {
  if (!b) return { bookingOpens: today, nights: 4, capacity: 40, status: 'open' };
  return {
    routeId: b.route.id,
    code: b.code,
    startDate: day(b.startDate),
    nights: b.nights,
    capacity: b.capacity,
    bookingOpens: day(b.bookingOpens),
    bookingCloses: day(b.bookingCloses),
    cancelDeadline: day(b.cancelDeadline),
    status: b.status,
  };
}

export function toBatchFields(v: BatchFormValues) {
  return {
    routeId: v.routeId ?? '',
    code: (v.code ?? '').trim(),
    startDate: date(v.startDate),
    nights: v.nights ?? 0,
    capacity: v.capacity ?? 0,
    bookingOpens: date(v.bookingOpens),
    bookingCloses: date(v.bookingCloses),
    cancelDeadline: date(v.cancelDeadline),
  };
}

export interface RouteFormValues {
  title?: string;
  description?: string;
  baseIds?: string[];
  days?: number;
  pricePerDay?: string;
  itinerary?: { day?: number; text?: string }[];
  active?: boolean;
}

export function toRouteFormValues(r: RouteDto | null): RouteFormValues {
  if (!r) return { days: 5, baseIds: [], itinerary: [], active: true };
  return {
    title: r.title,
    description: r.description,
    baseIds: r.bases.map((b) => b.id),
    days: r.days,
    pricePerDay: fenToYuanInput(r.pricePerDayFen),
    itinerary: r.itinerary,
    active: r.active,
  };
}

export function toRouteFields(v: RouteFormValues) {
  return {
    title: (v.title ?? '').trim(),
    description: (v.description ?? '').trim(),
    baseIds: v.baseIds ?? [],
    days: v.days ?? 1,
    pricePerDayFen: fen(v.pricePerDay),
    // the form shows day n at the n-th line; a blank line is a day without a plan
    itinerary: (v.itinerary ?? []).map((d, i) => ({ day: i + 1, text: (d.text ?? '').trim() })).filter((d) => d.text),
    active: v.active ?? true,
  };
}

export interface BaseFormValues {
  name?: string;
  city?: string;
  address?: string;
  description?: string;
  facilities?: string[];
  photos?: string[];
  certificationLevel?: BaseDto['certificationLevel'];
  certified?: [Dayjs, Dayjs];
  active?: boolean;
}

export function toBaseFormValues(b: BaseDto | null): BaseFormValues {
  if (!b) return { facilities: [], photos: [], certificationLevel: 'municipal', active: true };
  return { ...b, certified: [day(b.certifiedFrom), day(b.certifiedUntil)] };
}

export function toBaseFields(v: BaseFormValues) {
  return {
    name: (v.name ?? '').trim(),
    city: (v.city ?? '').trim(),
    address: (v.address ?? '').trim(),
    description: (v.description ?? '').trim(),
    facilities: (v.facilities ?? []).map((f) => f.trim()).filter(Boolean),
    photos: (v.photos ?? []).map((p) => p.trim()).filter(Boolean),
    certificationLevel: v.certificationLevel ?? 'municipal',
    certifiedFrom: date(v.certified?.[0]),
    certifiedUntil: date(v.certified?.[1]),
    active: v.active ?? true,
  };
}

export interface PolicyFormValues {
  effectiveFrom?: Dayjs;
  effectiveTo?: Dayjs | null;
  maxDaysPerTrip?: number;
  budgetPerDay?: string;
  budgetPerYear?: string;
  tripsPerYear?: number;
  noRepeatYears?: number;
  maxParts?: number;
  priorityGroups?: PriorityGroup[];
  givenUpCountsAsUsed?: boolean;
  note?: string;
}

/** A new policy starts from the Zhejiang figures (DOMAIN §3.4), from the first of next month. */
export function toPolicyFormValues(p: PolicyDto | null, today: Dayjs): PolicyFormValues {
  if (!p) {
    return {
      effectiveFrom: today.add(1, 'month').startOf('month'),
      effectiveTo: null,
      maxDaysPerTrip: 5,
      budgetPerDay: '600.00',
      budgetPerYear: '3000.00',
      tripsPerYear: 1,
      noRepeatYears: 3,
      maxParts: 2,
      priorityGroups: [...PRIORITY_GROUPS],
      givenUpCountsAsUsed: true,
      note: '',
    };
  }
  return {
    ...p,
    effectiveFrom: day(p.effectiveFrom),
    effectiveTo: p.effectiveTo ? day(p.effectiveTo) : null,
    budgetPerDay: fenToYuanInput(p.budgetPerDayFen),
    budgetPerYear: fenToYuanInput(p.budgetPerYearFen),
  };
}

export function toPolicyFields(v: PolicyFormValues) {
  return {
    effectiveFrom: date(v.effectiveFrom),
    effectiveTo: v.effectiveTo ? date(v.effectiveTo) : null,
    maxDaysPerTrip: v.maxDaysPerTrip ?? 1,
    budgetPerDayFen: fen(v.budgetPerDay),
    budgetPerYearFen: fen(v.budgetPerYear),
    tripsPerYear: v.tripsPerYear ?? 0,
    noRepeatYears: v.noRepeatYears ?? 0,
    maxParts: v.maxParts ?? 1,
    priorityGroups: v.priorityGroups ?? [],
    givenUpCountsAsUsed: v.givenUpCountsAsUsed ?? false,
    note: (v.note ?? '').trim(),
  };
}
