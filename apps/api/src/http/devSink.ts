import { federations, outbox, smsOutbox, withoutTenant, withTenant, type Db } from '@uc/db';
import { desc, eq } from 'drizzle-orm';

/**
 * The development and test SMS sink (SMS_SINK=true, refused in production): the last SMS queued
 * for a number, so a browser journey can read the code a real phone would receive.
 */
export async function lastSmsTo(db: Db, mobile: string): Promise<{ body: string | null }> {
  const [row] = await withoutTenant(db, (tx) => tx.select({ body: smsOutbox.body }).from(smsOutbox).where(eq(smsOutbox.toMobile, mobile)).orderBy(desc(smsOutbox.createdAt)).limit(1));
  return { body: row?.body ?? null };
}

/**
 * The same for email (SMS_SINK=true opens both development sinks): the last message queued for an
 * address, so a browser journey can follow an invitation or a reset link as the recipient would.
 */
export async function lastMailTo(db: Db, to: string): Promise<{ subject: string | null; body: string | null }> {
  // the outbox is each federation's own (row-level security): look in each, take the newest
  const feds = await withoutTenant(db, (tx) => tx.select({ id: federations.id }).from(federations));
  let last: { subject: string; body: string; createdAt: Date } | undefined;
  for (const f of feds) {
    const [row] = await withTenant(db, f.id, (tx) =>
      tx.select({ subject: outbox.subject, body: outbox.bodyText, createdAt: outbox.createdAt }).from(outbox).where(eq(outbox.toEmail, to.toLowerCase())).orderBy(desc(outbox.createdAt)).limit(1),
    );
    if (row && (!last || row.createdAt > last.createdAt)) last = row;
  }
  return { subject: last?.subject ?? null, body: last?.body ?? null };
}
