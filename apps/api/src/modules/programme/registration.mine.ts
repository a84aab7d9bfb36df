import type { MemberRowDto, TicketDto } from '@uc/contracts';
import type { MemberSection } from '../home/index.ts';
import { findRegistrationsOfMember } from './programme.repo.ts';
import { myLearningRecord, myTickets, ticketFor } from './registration.query.ts';
import { myRequests } from './request.query.ts';

// 我的: event tickets (QR while registered), what is still waiting — requests for the home
// federation's approval and waitlisted registrations, each with its withdrawal — and the learning record (学习记录).
export const ticketsSection: MemberSection = {
  key: 'tickets',
  order: 200,
  async load(ctx, limit) {
    // a waitlisted registration is shown with the requests, as waiting
    const all = (await myTickets(ctx)).filter((t) => t.status !== 'cancelled' && t.status !== 'waitlisted');
    const rows: MemberRowDto[] = all.slice(0, limit).map((t) => ({
      id: t.id,
      kind: 'ticket',
      title: t.eventTitle,
      params: { host: t.host, place: t.place, waitlist: t.waitlistPosition ?? 0 },
      status: t.sessionStatus === 'cancelled' ? 'session_cancelled' : t.checkedInAt ? 'checked_in' : t.status,
      date: t.startsAt,
      link: { to: '/t/$tenant/programmes', params: {} },
      qr: t.status === 'registered' && !t.checkedInAt && t.sessionStatus === 'scheduled' ? t.token : null,
      verify: null,
    }));
    return { rows, total: all.length };
  },
};

export const requestsSection: MemberSection = {
  key: 'requests',
  order: 205,
  async load(ctx, limit) {
    const requests = await myRequests(ctx);
    // only the waitlisted registrations become tickets here (the tickets section reads the rest)
    const waiting = (await findRegistrationsOfMember(ctx, ctx.tenantId, ctx.memberId)).filter((r) => r.status === 'waitlisted');
    const tickets: TicketDto[] = [];
    for (const r of waiting) {
      const t = await ticketFor(ctx, r).catch(() => null);
      if (t) tickets.push(t);
    }
    const rows: MemberRowDto[] = [
      ...requests
        .filter((r) => r.status === 'applied')
        .map((r): MemberRowDto => ({
          id: r.id,
          kind: 'request',
          title: r.eventTitle,
          params: { host: r.host, session: r.sessionTitle },
          status: 'applied',
          date: r.startsAt,
          link: { to: '/t/$tenant/programmes', params: {} },
          qr: null,
          verify: null,
          withdraw: r.canWithdraw ? { kind: 'request', id: r.id } : null,
        })),
      ...tickets
        .filter((t) => t.status === 'waitlisted' && t.sessionStatus === 'scheduled')
        .map((t): MemberRowDto => ({
          id: t.id,
          kind: 'ticket',
          title: t.eventTitle,
          params: { host: t.host, session: t.sessionTitle, waitlist: t.waitlistPosition ?? 0 },
          status: 'waitlisted',
          date: t.startsAt,
          link: { to: '/t/$tenant/programmes', params: {} },
          qr: null,
          verify: null,
          withdraw: { kind: 'registration', id: t.id },
        })),
    ].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    return { rows: rows.slice(0, limit), total: rows.length };
  },
};

export const learningSection: MemberSection = {
  key: 'learning',
  order: 210,
  async load(ctx, limit) {
    const rec = await myLearningRecord(ctx);
    const rows: MemberRowDto[] = rec.entries.slice(0, limit).map((e) => ({
      id: e.sessionId,
      kind: 'learning',
      title: e.eventTitle,
      params: { topic: e.topic, host: e.host, hours: e.creditHours, sessions: rec.sessions, totalHours: rec.creditHours },
      status: null,
      date: e.startsAt,
      link: null,
      qr: null,
      verify: null,
    }));
    return { rows, total: rec.entries.length };
  },
};
