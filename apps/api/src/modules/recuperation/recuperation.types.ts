import type { companionInput, EligibilityDto } from '@uc/contracts';
import type { recuperationBases, recuperationBatches, recuperationBookings, recuperationPolicies, recuperationRoutes } from '@uc/db';
import type { PoolRow } from '../place/index.ts';
import type { z } from 'zod';
import type { PolicyRules, Refusal } from './policy.rules.ts';

// The module's rows and the shapes its layers hand each other. No queries here: the SQL is in
// recuperation.repo.ts, the use cases in *.query.ts / *.write.ts.

export type BaseRow = typeof recuperationBases.$inferSelect;
export type RouteRow = typeof recuperationRoutes.$inferSelect;
/** A batch with its beds: the pool of the places engine behind it (same id). */
export type BatchRow = typeof recuperationBatches.$inferSelect & {
  capacity: number;
  /** beds held by offered, requested, approved, confirmed, completed and no-show bookings */
  bedsTaken: number;
  /** open | closed | cancelled: the pool's */
  status: string;
  pool: PoolRow;
};
export type BookingRow = typeof recuperationBookings.$inferSelect;
export type PolicyRow = typeof recuperationPolicies.$inferSelect;

/** the places engine's names for recuperation: a batch's pool, the agreement's quota line */
export const POOL_KIND = 'recuperation.batch';
export const QUOTA_KIND = 'recuperation';

/** the member's one booking of a batch: waiting, offered or going ahead */
export const ACTIVE: readonly string[] = ['waitlisted', 'offered', 'requested', 'approved', 'confirmed'];
/** statuses that hold beds (and, for a partner member, an agreement place) and give them back when they end */
export const HOLDING: readonly string[] = ['offered', 'requested', 'approved', 'confirmed'];
/** bookings still waiting for the home federation's decision */
export const PENDING: readonly string[] = ['requested', 'waitlisted'];
/** everyone holding a bed of the batch, past stays included */
export const ON_ROSTER: readonly string[] = ['offered', 'requested', 'approved', 'confirmed', 'completed', 'no_show'];

export interface FederationName {
  id: string;
  slug: string;
  nameZh: string;
  nameEn: string;
}

/** What a booking's answer and notices name of its batch. */
export interface BatchFacts {
  code: string;
  routeTitle: string;
  startDate: string;
  nights: number;
  cancelDeadline: string;
}

/** What a caller that just read or wrote the booking already knows (skips the reads). */
export interface KnownFacts {
  facts: Map<string, BatchFacts>;
  names: Map<string, FederationName>;
  positions: Map<string, number>;
}

export interface MemberSnapshot {
  id: string;
  name: string;
  gender: string | null;
  mobile: string | null;
  idNumberMasked: string;
  orgUnitId: string;
  orgUnitName: string;
}

export interface AgreementGrant {
  agreementTenantId: string;
  agreementId: string;
  title: string;
  /** places per year from the in-force version's recuperation section; null: none granted */
  granted: number | null;
}

/** Everything a booking decision needs about one member and one batch (eligibility.query.ts). */
export interface Assessment {
  member: MemberSnapshot;
  route: { title: string; pricePerDayFen: number };
  tripDays: number;
  policy: PolicyRules | null;
  refusals: Refusal[];
  groups: EligibilityDto['groups'];
  priorityRank: number;
  /** null: a member of the host itself (no agreement places) */
  agreement: (AgreementGrant & { quotaId: string | null; allocationId: string | null; placesLeft: number }) | null;
  /** the member's active booking of this batch, if any */
  activeBookingId: string | null;
  /** a booking with the given idempotency key, or the active one of this batch: a repeat returns it */
  prior: BookingRow | null;
  host: FederationName;
  home: FederationName;
}

export interface PlaceRequest {
  memberId: string;
  batch: BatchRow;
  companions: z.infer<typeof companionInput>[];
  consent: { method: 'member' | 'staff_attested'; shareMobile: boolean };
  idempotencyKey: string;
  nominated: boolean;
  /** home staff nominating: the booking starts approved */
  approved: boolean;
}

export interface Placed {
  row: BookingRow;
  created: boolean;
  /** facts for the answer, when this call placed the booking */
  known?: KnownFacts;
}
