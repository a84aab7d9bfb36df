import type { Role } from '@uc/contracts';
import { asTenant, memberships, notifications, outbox, users, type Db } from '@uc/db';
import { and, eq, sql } from 'drizzle-orm';
import { renderNotice, type NoticeKind } from './notification.messages.ts';

export interface Notice {
  kind: NoticeKind;
  vars: Record<string, string | number>;
  /** path inside the app, e.g. /t/{slug}/agreements/{id} ({slug} is the recipient's federation) */
  link: string;
  /** a notice with the same key is raised once per user (jobs may run twice) */
  dedupeKey?: string;
}

/**
 * Notifies the staff of one federation who hold any of the roles: an in-app notice and an email
 * through the outbox, both in each recipient's language, in the caller's transaction.
 */
export async function notifyFederation(
  tx: Db,
  target: { tenantId: string; slug: string },
  roles: Role[],
  notice: Notice,
  publicUrl: string,
): Promise<number> {
  return asTenant(tx, target.tenantId, async () => {
    const recipients = await tx
      .select({ userId: users.id, email: users.email, locale: users.locale })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.tenantId, target.tenantId),
          eq(memberships.status, 'active'),
          sql`${memberships.roles} && ${sql.raw(`array[${roles.map((r) => `'${r}'`).join(',')}]`)}::text[]`,
        ),
      );
    const link = notice.link.replace('{slug}', target.slug);
    let sent = 0;
    for (const r of recipients) {
      const text = renderNotice(notice.kind, r.locale, notice.vars);
      const inserted = await tx
        .insert(notifications)
        .values({ tenantId: target.tenantId, userId: r.userId, kind: notice.kind, ...text, link, dedupeKey: notice.dedupeKey ?? null })
        .onConflictDoNothing()
        .returning({ id: notifications.id });
      if (!inserted.length) continue;
      await tx.insert(outbox).values({
        tenantId: target.tenantId,
        toEmail: r.email,
        subject: `【工会协作平台】${text.title}`,
        bodyText: `${text.body}\n\n${publicUrl}${link}\n`,
      });
      sent++;
    }
    return sent;
  });
}
