import type { Role } from '@uc/contracts';
import { asTenant, memberships, notifications, outbox, users, type Db } from '@uc/db';
import { and, arrayOverlaps, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';
import { mine } from './notification.query.ts';
import { renderNotice, type NoticeKind } from './notification.notices.ts';

export interface Notice {
  kind: NoticeKind;
  vars: Record<string, string | number>;
  /** path inside the app, e.g. /t/{slug}/agreements/{id} ({slug} is the recipient's federation) */
  link: string;
  /** a notice with the same key is raised once per user (jobs may run twice) */
  dedupeKey?: string;
}

/** Who receives a notice: a user of the target federation, with the address and language to write in. */
export interface Recipient {
  userId: string;
  email: string;
  locale: string;
}

/** The email subject: the platform's name in the recipient's language, then the notice's title. */
export const mailSubject = (locale: string, title: string) => (locale === 'en' ? `[Union Commons] ${title}` : `【工会协作平台】${title}`);

/** Active staff of the federation (the caller narrows them with a condition on membership). */
export function staffOf(tx: Db, tenantId: string, where: SQL | undefined) {
  return tx
    .select({ userId: users.id, email: users.email, locale: users.locale })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, tenantId), eq(memberships.status, 'active'), where));
}

/**
 * Writes the notice to each recipient: an in-app notice and an email through the outbox, both in
 * the recipient's language, in the caller's transaction (already in the target's tenant context).
 * A notice whose dedupe key a user already has is not sent again. Returns how many were sent.
 */
export async function deliverNotice(tx: Db, target: { tenantId: string; slug: string }, recipients: Recipient[], notice: Notice, publicUrl: string): Promise<number> {
  const link = notice.link.replace('{slug}', target.slug);
  let sent = 0;
  for (const r of recipients) {
    const text = renderNotice(notice.kind, r.locale, notice.vars);
    const inserted = await tx
      .insert(notifications)
      .values({ tenantId: target.tenantId, userId: r.userId, kind: notice.kind, ...text, vars: notice.vars, link, dedupeKey: notice.dedupeKey ?? null })
      .onConflictDoNothing()
      .returning({ id: notifications.id });
    if (!inserted.length) continue;
    await tx.insert(outbox).values({ tenantId: target.tenantId, toEmail: r.email, subject: mailSubject(r.locale, text.title), bodyText: `${text.body}\n\n${publicUrl}${link}\n` });
    sent++;
  }
  return sent;
}

/** Notifies the staff of one federation who hold any of the roles. */
export async function notifyFederation(
  tx: Db,
  target: { tenantId: string; slug: string },
  roles: Role[],
  notice: Notice,
  publicUrl: string,
): Promise<number> {
  return asTenant(tx, target.tenantId, async () => {
    const recipients = await staffOf(tx, target.tenantId, arrayOverlaps(memberships.roles, roles));
    return deliverNotice(tx, target, recipients, notice, publicUrl);
  });
}

/** Marks the caller's notifications read (all, or those named). */
export async function markRead(ctx: ServiceCtx, ids: string[] | 'all'): Promise<void> {
  const where = ids === 'all' ? mine(ctx) : and(mine(ctx), inArray(notifications.id, ids));
  await ctx.db.update(notifications).set({ readAt: ctx.now }).where(and(where, isNull(notifications.readAt)));
}
