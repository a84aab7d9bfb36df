import { asTenant, programmeEvents, programmeRegistrations, programmeRequests } from '@uc/db';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import type { EndedAgreement, WindDownStep } from '../agreement/index.ts';
import { recordAudit } from '../audit/index.ts';
import { free } from '../place/index.ts';
import { tellMember } from './programme.notices.ts';
import { findEvent, findSession, findSessionsOfEvents } from './programme.repo.ts';
import { lockRequest, updateRequest } from './request.repo.ts';
import type { EventRow, RegistrationRow } from './programme.types.ts';

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

// Requests still waiting for the home federation's approval (decision 0051) under the ended agreement:
// the partner city's members' requests for the host's events are closed — refused with the reason,
// the member told once (in-app and email) — since the partner no longer sees the event and could not
// approve them. Run as the host (which still reads its events), writing in the partner's context: the
// request is the partner's row. The host's own members' requests stay with the host (its event may go on).

export const REQUEST_CLOSED_REASON = '两地合作协议已结束，申请随之关闭 / the cooperation agreement has ended';

async function closeWaitingRequests(ctx: ServiceCtx, a: EndedAgreement): Promise<number> {
  const events = (await ctx.db
    .select()
    .from(programmeEvents)
    .where(and(eq(programmeEvents.tenantId, ctx.tenantId), eq(programmeEvents.agreementTenantId, a.agreementTenantId), eq(programmeEvents.agreementId, a.agreementId)))) as EventRow[];
  if (!events.length) return 0;
  const sessions = new Map((await findSessionsOfEvents(ctx, events.map((e) => e.id))).map((x) => [x.session.id, x.session]));
  let n = 0;
  for (const partner of new Set(events.map((e) => e.partnerTenantId))) {
    const mine = events.filter((e) => e.partnerTenantId === partner);
    const home = { ...ctx, tenantId: partner };
    n += await asTenant(ctx.db, partner, async () => {
      const waiting = await ctx.db
        .select({ id: programmeRequests.id })
        .from(programmeRequests)
        .where(and(eq(programmeRequests.tenantId, partner), eq(programmeRequests.hostTenantId, ctx.tenantId), eq(programmeRequests.status, 'applied'), inArray(programmeRequests.eventId, mine.map((e) => e.id))))
        .orderBy(asc(programmeRequests.id));
      let closed = 0;
      for (const { id } of waiting) {
        const r = await lockRequest(home, id);
        if (!r || r.status !== 'applied') continue;
        await updateRequest(home, r, { status: 'refused', decidedByUserId: null, decidedAt: ctx.now, decisionReason: REQUEST_CLOSED_REASON }, ctx.now);
        await recordAudit(home, { type: 'programme.request_closed', entityType: 'programme_request', entityId: r.id, data: { sessionId: r.sessionId, reason: 'agreement_ended' } });
        const e = mine.find((x) => x.id === r.eventId)!;
        const s = sessions.get(r.sessionId);
        if (s) await tellMember(home, r, 'programme.request_closed', e, s);
        closed++;
      }
      return closed;
    });
  }
  return n;
}

export const programmeRequestWindDown: WindDownStep = {
  name: 'programme_requests',
  label: { zh: '关闭对方会员待本会审核的活动报名申请 {n} 个', en: '{n} programme registration requests of the partner’s members awaiting approval closed' },
  run: closeWaitingRequests,
};
