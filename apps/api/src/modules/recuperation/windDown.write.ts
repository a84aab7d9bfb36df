import { placeQuotas, recuperationBookings } from '@uc/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { EndedAgreement, WindDownStep } from '../agreement/index.ts';
import { auditStep, tell } from './booking.notices.ts';
import { findBooking } from './booking.query.ts';
import { moveBooking } from './recuperation.repo.ts';
import { releaseHold } from './waitlist.write.ts';

// Recuperation's part of an ended agreement's wind-down (docs/decisions/0038): this federation's
// members' bookings under the agreement's places that are still waiting — on the waitlist, offered,
// waiting for the home's approval or the host's confirmation — are cancelled as 'agreement_ended'
// and each member is told; their beds and places go back. Confirmed stays are honoured.

const NOT_YET_CONFIRMED = ['waitlisted', 'offered', 'requested', 'approved'];

async function pendingUnder(ctx: ServiceCtx, a: EndedAgreement): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: recuperationBookings.id })
    .from(recuperationBookings)
    .innerJoin(placeQuotas, and(eq(placeQuotas.tenantId, recuperationBookings.tenantId), eq(placeQuotas.id, recuperationBookings.quotaId)))
    .where(
      and(
        eq(recuperationBookings.tenantId, ctx.tenantId),
        eq(placeQuotas.agreementTenantId, a.agreementTenantId),
        eq(placeQuotas.agreementId, a.agreementId),
        inArray(recuperationBookings.status, NOT_YET_CONFIRMED),
      ),
    )
    // the waiting ones first: a bed freed later is then not offered to a booking about to be cancelled
    .orderBy(sql`${recuperationBookings.status} = 'waitlisted' desc`, asc(recuperationBookings.id));
  return rows.map((r) => r.id);
}

/** One booking, locked and re-checked: false when it moved on meanwhile (confirmed, cancelled). */
async function cancelForEndedAgreement(ctx: ServiceCtx, id: string): Promise<boolean> {
  const b = await findBooking(ctx, id, { forUpdate: true });
  if (!NOT_YET_CONFIRMED.includes(b.status)) return false;
  const row = await moveBooking(ctx, b, 'cancelled', {
    cancelKind: 'agreement_ended',
    cancelReason: '合作协议已结束 / the cooperation agreement has ended',
    cancelJustified: true,
    closedAt: ctx.now,
    offerExpiresAt: null,
  });
  await releaseHold(ctx, b);
  await tell(ctx, row, 'booking.agreement_ended');
  await auditStep(ctx, b, 'agreement_ended', 'cancelled');
  return true;
}

export const recuperationWindDown: WindDownStep = {
  name: 'bookings',
  label: { zh: '取消尚未确认的疗休养报名 {n} 个', en: '{n} recuperation bookings not yet confirmed cancelled' },
  async run(ctx, a) {
    let n = 0;
    for (const id of await pendingUnder(ctx, a)) if (await cancelForEndedAgreement(ctx, id)) n++;
    return n;
  },
};
