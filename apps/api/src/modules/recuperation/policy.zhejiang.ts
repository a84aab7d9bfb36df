import type { PolicyInput } from '@uc/contracts';

/** Zhejiang's figures (DOMAIN §3.4), the policy of every demo federation from 2026 and of the tests. */
export const ZHEJIANG_POLICY: PolicyInput = {
  effectiveFrom: '2026-01-01',
  effectiveTo: null,
  maxDaysPerTrip: 5,
  budgetPerDayFen: 60_000,
  budgetPerYearFen: 300_000,
  tripsPerYear: 1,
  noRepeatYears: 3,
  maxParts: 2,
  priorityGroups: ['frontline', 'model_worker', 'skilled_worker', 'never_sent'],
  givenUpCountsAsUsed: true,
  note: '依据浙江省职工疗休养有关规定：每次不超过5天（含路途），每人每天不超过600元、每年不超过3000元，可分2次安排，一般3年内不重复。',
};
