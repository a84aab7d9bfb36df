import { smsOutbox, withoutTenant, type Db } from '@uc/db';
import { desc, eq } from 'drizzle-orm';

/**
 * The development and test SMS sink (SMS_SINK=true, refused in production): the last SMS queued
 * for a number, so a browser journey can read the code a real phone would receive.
 */
export async function lastSmsTo(db: Db, mobile: string): Promise<{ body: string | null }> {
  const [row] = await withoutTenant(db, (tx) => tx.select({ body: smsOutbox.body }).from(smsOutbox).where(eq(smsOutbox.toMobile, mobile)).orderBy(desc(smsOutbox.createdAt)).limit(1));
  return { body: row?.body ?? null };
}
