import type { BookingStatus, RefusalDto } from '@uc/contracts';
import { recuperationBookings } from '@uc/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { BookingRow } from './booking.dto.ts';
import { localise, pastBookings } from './eligibility.ts';
import { checkRules, policyInForce, type Refusal } from './policy.rules.ts';
import { policiesOf } from './policy.ts';

// The home federation's second look at bookings still waiting for its decision: the policy in
// force on the trip's start date, checked again against the member's history as it is now
// (another trip may have been taken, or the policy replaced, since the member asked). The same
// rules (policy.rules.ts) and history (eligibility.ts) as the member's own check; the trip is
// the booking's snapshot. Places are not re-checked: a pending booking already holds its own.
// Two reads for any number of bookings: the policies, and the histories of all their members.

export const PENDING: BookingStatus[] = ['requested', 'waitlisted'];

/** Refusals per booking id, for the pending bookings of the caller's federation among rows. */
export async function reviewBookings(ctx: ServiceCtx, rows: BookingRow[]): Promise<Map<string, Refusal[]>> {
  const pending = rows.filter((r) => r.tenantId === ctx.tenantId && PENDING.includes(r.status as BookingStatus));
  const out = new Map<string, Refusal[]>();
  if (!pending.length) return out;
  const memberIds = [...new Set(pending.map((r) => r.memberId))];
  const [policies, history] = await Promise.all([
    policiesOf(ctx, ctx.tenantId),
    ctx.db
      .select()
      .from(recuperationBookings)
      .where(and(eq(recuperationBookings.tenantId, ctx.tenantId), inArray(recuperationBookings.memberId, memberIds))),
  ]);
  for (const b of pending) {
    const policy = policyInForce(policies, b.batchStart);
    if (!policy) {
      out.set(b.id, [{ code: 'no_policy', vars: {} }]);
      continue;
    }
    const past = pastBookings(
      history.filter((h) => h.memberId === b.memberId),
      b.batchId,
      b.id,
    );
    out.set(b.id, checkRules(policy, { startDate: b.batchStart, days: b.tripDays, pricePerDayFen: b.pricePerDayFen }, past));
  }
  return out;
}

export function toReviewDto(refusals: Refusal[] | undefined, locale: string): { eligible: boolean; reasons: RefusalDto[] } | null {
  return refusals ? { eligible: refusals.length === 0, reasons: localise(refusals, locale) } : null;
}
