import { programmeEvents, programmeRegistrations } from '@uc/db';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { EndedAgreement, WindDownStep } from '../agreement/index.ts';
import { recordAudit } from '../audit/index.ts';
import { free } from '../place/index.ts';
import { tellMember } from './programme.notices.ts';
import { findEvent, findSession } from './programme.repo.ts';
import type { RegistrationRow } from './programme.types.ts';

// Programmes' part of an ended agreement's wind-down (docs/decisions/0038), run as the host of the
// events under it: the other city's members still waiting for a seat (waitlisted, or offered and not
// yet taken) are cancelled with a notice and an offered seat goes back. A member holding a seat keeps
// it — a session already planned is honoured — and the host's own members are not touched: the
// host decides whether its event goes on.

const WAITING = ['waitlisted', 'offered'];

async function waitingPartnerRegistrations(ctx: ServiceCtx, a: EndedAgreement): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: programmeRegistrations.id, tenantId: programmeRegistrations.tenantId })
    .from(programmeRegistrations)
    .innerJoin(programmeEvents, and(eq(programmeEvents.tenantId, programmeRegistrations.hostTenantId), eq(programmeEvents.id, programmeRegistrations.eventId)))
    .where(
      and(
        eq(programmeRegistrations.hostTenantId, ctx.tenantId),
        ne(programmeRegistrations.tenantId, ctx.tenantId),
        eq(programmeEvents.agreementTenantId, a.agreementTenantId),
        eq(programmeEvents.agreementId, a.agreementId),
        inArray(programmeRegistrations.status, WAITING),
      ),
    )
    // the waiting ones first: a seat given back later is not offered to a registration about to be cancelled
    .orderBy(sql`${programmeRegistrations.status} = 'waitlisted' desc`, asc(programmeRegistrations.id));
  return rows.map((r) => r.id);
}

async function cancelForEndedAgreement(ctx: ServiceCtx, id: string): Promise<boolean> {
  const [r] = (await ctx.db
    .select()
    .from(programmeRegistrations)
    .where(and(eq(programmeRegistrations.hostTenantId, ctx.tenantId), eq(programmeRegistrations.id, id)))
    .for('update')) as RegistrationRow[];
  if (!r || !WAITING.includes(r.status)) return false;
  await ctx.db
    .update(programmeRegistrations)
    .set({ status: 'cancelled', offerExpiresAt: null, cancelReason: '合作协议已结束 / the cooperation agreement has ended', rowVersion: r.rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(programmeRegistrations.tenantId, r.tenantId), eq(programmeRegistrations.id, r.id)));
  if (r.status === 'offered') await free(ctx, { hostTenantId: r.hostTenantId, poolId: r.poolId, partyTenantId: r.tenantId, units: r.units, onShare: r.onShare, quota: null });
  await recordAudit(ctx, { type: 'programme.registration_cancelled', entityType: 'programme_registration', entityId: r.id, data: { sessionId: r.poolId, from: r.status } });
  const s = await findSession(ctx, r.poolId);
  const e = s ? await findEvent(ctx, s.eventId) : undefined;
  if (s && e) await tellMember(ctx, r, 'programme.registration_cancelled', e, s, { reason: '原因：两地合作协议已结束。', reasonEn: 'Reason: the cooperation agreement has ended.' });
  return true;
}

export const programmeWindDown: WindDownStep = {
  name: 'registrations',
  label: { zh: '取消对方会员候补中的活动报名 {n} 个', en: '{n} waiting programme registrations of the partner’s members cancelled' },
  async run(ctx, a) {
    let n = 0;
    for (const id of await waitingPartnerRegistrations(ctx, a)) if (await cancelForEndedAgreement(ctx, id)) n++;
    return n;
  },
};
