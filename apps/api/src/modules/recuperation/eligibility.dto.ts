import type { EligibilityDto, RefusalDto } from '@uc/contracts';
import { refusalMessage } from '@uc/contracts';
import type { Refusal } from './policy.rules.ts';
import type { Assessment } from './recuperation.types.ts';

// Refusals in the caller's language, and the eligibility and review DTOs built from them.

export function localise(refusals: Refusal[], locale: string): RefusalDto[] {
  return refusals.map((r) => ({ code: r.code, vars: r.vars, message: refusalMessage(r.code, locale, r.vars) }));
}

export function toEligibilityDto(a: Assessment, locale: string): EligibilityDto {
  return {
    eligible: a.refusals.length === 0,
    reasons: localise(a.refusals, locale),
    policyId: a.policy?.id ?? null,
    groups: a.groups,
    priorityRank: a.priorityRank,
    placesLeft: a.agreement ? a.agreement.placesLeft : null,
  };
}

export function toReviewDto(refusals: Refusal[] | undefined, locale: string): { eligible: boolean; reasons: RefusalDto[] } | null {
  return refusals ? { eligible: refusals.length === 0, reasons: localise(refusals, locale) } : null;
}
