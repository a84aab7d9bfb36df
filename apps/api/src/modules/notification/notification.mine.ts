import type { MemberRowDto } from '@uc/contracts';
import { notifications } from '@uc/db';
import { desc } from 'drizzle-orm';
import type { MemberSection } from '../home/index.ts';
import { countUnread, mine, textFor } from './notification.query.ts';

// 我的: the latest notices (unread first in the count); the notification centre has the rest.
export const noticesSection: MemberSection = {
  key: 'notices',
  order: 600,
  async load(ctx, limit) {
    const found = await ctx.db.select().from(notifications).where(mine(ctx)).orderBy(desc(notifications.createdAt)).limit(limit);
    const unread = found.length ? await countUnread(ctx) : 0;
    const rows: MemberRowDto[] = found.map((n) => ({
      id: n.id,
      kind: 'notice',
      title: textFor(n, ctx.locale).title,
      params: { unread },
      status: n.readAt ? 'read' : 'unread',
      date: n.createdAt.toISOString(),
      link: { to: '/t/$tenant/notifications', params: {} },
      qr: null,
      verify: null,
    }));
    return { rows, total: found.length };
  },
};
