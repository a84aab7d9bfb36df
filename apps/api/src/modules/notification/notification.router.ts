import { markReadInput, notificationListDto } from '@uc/contracts';
import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc.ts';
import { countUnread, listMyNotifications } from './notification.query.ts';
import { markRead } from './notification.write.ts';

const ok = z.object({ ok: z.boolean() });

export const notificationRouter = router({
  list: tenantProcedure.output(notificationListDto).query(({ ctx }) => listMyNotifications(ctx.svc)),
  unreadCount: tenantProcedure.output(z.object({ unread: z.number() })).query(async ({ ctx }) => ({ unread: await countUnread(ctx.svc) })),
  markRead: tenantProcedure
    .input(markReadInput)
    .output(ok)
    .mutation(async ({ ctx, input }) => (await markRead(ctx.svc, input.ids), { ok: true })),
  markAllRead: tenantProcedure.output(ok).mutation(async ({ ctx }) => (await markRead(ctx.svc, 'all'), { ok: true })),
});
