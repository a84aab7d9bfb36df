import type { NotificationDto } from '@uc/contracts';
import { notifications } from '@uc/db';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { isNoticeKind, renderNotice } from './notification.notices.ts';

/** The notice in the language the reader uses now, from its facts; the stored text for one written before facts were kept. */
export function textFor(r: Pick<typeof notifications.$inferSelect, 'kind' | 'vars' | 'title' | 'body'>, locale: string): { title: string; body: string } {
  return r.vars && isNoticeKind(r.kind) ? renderNotice(r.kind, locale, r.vars) : { title: r.title, body: r.body };
}

/** the caller's own notifications in this federation */
export const mine = (ctx: ServiceCtx) => and(eq(notifications.tenantId, ctx.tenantId), eq(notifications.userId, ctx.actor.userId!));

export async function listMyNotifications(ctx: ServiceCtx): Promise<{ items: NotificationDto[]; unread: number }> {
  const rows = await ctx.db.select().from(notifications).where(mine(ctx)).orderBy(desc(notifications.createdAt)).limit(50);
  const [unread] = await ctx.db.select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...textFor(r, ctx.locale),
      link: r.link,
      read: r.readAt !== null,
      createdAt: r.createdAt.toISOString(),
    })),
    unread: unread!.n,
  };
}

export async function countUnread(ctx: ServiceCtx): Promise<number> {
  const [row] = await ctx.db.select({ n: count() }).from(notifications).where(and(mine(ctx), isNull(notifications.readAt)));
  return row!.n;
}
