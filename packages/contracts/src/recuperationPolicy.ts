import { z } from 'zod';
import { dateString } from './common.ts';

// A home federation's rules for its members' recuperation trips, with effective dates (DOMAIN
// §3.4). Zhejiang figures: ≤ 5 days per trip including travel; ≤ 600 元 per day and ≤ 3000 元 per
// year; at most 2 parts; one trip a year, generally not repeated within 3 years; a place given
// up without good reason counts as used; priority to frontline, model workers, skilled workers,
// those never sent before.

export const PRIORITY_GROUPS = ['frontline', 'model_worker', 'skilled_worker', 'never_sent'] as const;
export const priorityGroup = z.enum(PRIORITY_GROUPS);
export type PriorityGroup = z.infer<typeof priorityGroup>;

export const policyFields = z.object({
  effectiveFrom: dateString,
  /** null: until a later policy takes over */
  effectiveTo: dateString.nullable().default(null),
  maxDaysPerTrip: z.number().int().min(1).max(60),
  budgetPerDayFen: z.number().int().min(0).max(100_000_000),
  budgetPerYearFen: z.number().int().min(0).max(1_000_000_000),
  tripsPerYear: z.number().int().min(0).max(12),
  /** 0: no restriction; 3: not again in the two years after a trip's year */
  noRepeatYears: z.number().int().min(0).max(10),
  maxParts: z.number().int().min(1).max(12),
  /** first = highest priority on the waitlist */
  priorityGroups: z.array(priorityGroup).max(4).default([...PRIORITY_GROUPS]),
  givenUpCountsAsUsed: z.boolean(),
  note: z.string().trim().max(500).default(''),
});
export const policyInput = policyFields.refine((p) => p.effectiveTo === null || p.effectiveFrom <= p.effectiveTo, {
  error: 'term_order',
  path: ['effectiveTo'],
});
export type PolicyInput = z.infer<typeof policyInput>;
export const policyUpdateInput = policyFields
  .extend({ id: z.uuid() })
  .refine((p) => p.effectiveTo === null || p.effectiveFrom <= p.effectiveTo, { error: 'term_order', path: ['effectiveTo'] });

export const policyDto = policyFields.extend({
  id: z.string(),
  effectiveTo: z.string().nullable(),
  /** in force today (China time) */
  current: z.boolean(),
  createdAt: z.string(),
});
export type PolicyDto = z.infer<typeof policyDto>;

/** Why a member may not book; each has a zh and en message (recuperationMessages.ts). */
export const REFUSAL_CODES = [
  'no_policy',
  'trip_too_long',
  'budget_per_day',
  'budget_per_year',
  'trips_per_year',
  'parts_per_year',
  'days_per_year',
  'repeat_within_years',
  'window_closed',
  'batch_not_open',
  'not_partner',
  'no_agreement_places',
  'quota_exhausted',
  'already_booked',
  'not_a_member',
  'companions_too_many',
  'base_not_certified',
] as const;
export const refusalCode = z.enum(REFUSAL_CODES);
export type RefusalCode = z.infer<typeof refusalCode>;

export const refusalDto = z.object({
  code: refusalCode,
  /** in the caller's language, figures filled in */
  message: z.string(),
  vars: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RefusalDto = z.infer<typeof refusalDto>;

export const eligibilityDto = z.object({
  eligible: z.boolean(),
  reasons: z.array(refusalDto),
  /** the policy applied (in force on the batch's start date) */
  policyId: z.string().nullable(),
  /** the member's priority groups under that policy, and the waitlist rank they give (0 first) */
  groups: z.array(priorityGroup),
  priorityRank: z.number(),
  /** places left for the member's unit (or the federation's pool) under the agreement; null: host member */
  placesLeft: z.number().nullable(),
});
export type EligibilityDto = z.infer<typeof eligibilityDto>;
