import type { MemberRowDto } from '@uc/contracts';
import type { MemberSection } from '../home/index.ts';
import { myLearningRecord, myTickets } from './registration.query.ts';

// 我的: event tickets (QR while registered) and the learning record (学习记录).
export const ticketsSection: MemberSection = {
  key: 'tickets',
  order: 200,
  async load(ctx, limit) {
    const all = (await myTickets(ctx)).filter((t) => t.status !== 'cancelled');
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
