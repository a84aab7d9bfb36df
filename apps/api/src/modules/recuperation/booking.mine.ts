import type { MemberRowDto } from '@uc/contracts';
import type { MemberSection } from '../home/index.ts';
import { myBookings } from './booking.query.ts';

// 我的: the member's stays (newest first), the QR code once a stay is confirmed.
export const staysSection: MemberSection = {
  key: 'stays',
  order: 100,
  async load(ctx, limit) {
    const all = await myBookings(ctx);
    const rows: MemberRowDto[] = all.slice(0, limit).map((b) => ({
      id: b.id,
      kind: 'stay',
      title: b.batch.routeTitle,
      params: { host: b.host.nameZh, hostEn: b.host.nameEn, start: b.batch.startDate, end: b.batch.endDate },
      status: b.status,
      date: b.batch.startDate,
      link: { to: '/t/$tenant/recuperation/bookings/$bookingId', params: { bookingId: b.id } },
      qr: b.status === 'confirmed' ? b.checkinToken : null,
      verify: null,
    }));
    return { rows, total: all.length };
  },
};
