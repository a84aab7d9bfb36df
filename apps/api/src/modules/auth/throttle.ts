import { loginThrottle, type Db } from '@uc/db';
import { eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';

// Failed sign-ins grow a delay per account and per address, kept in the database so every
// API process sees the same count. An account allows a few typos; an address allows more
// (offices share one address).
const FREE_FAILURES = { email: 4, ip: 20 } as const;
const MAX_DELAY_MS = 15 * 60 * 1000;

export const throttleKeys = (email: string, ip: string | null) => ({
  email: `email:${email.toLowerCase()}`,
  ip: ip ? `ip:${ip}` : null,
});

/** The lock a failure sets: none for the first FREE_FAILURES, then 1 s, 2 s, 4 s … up to 15 min. */
export function delayAfter(failures: number, kind: 'email' | 'ip'): number {
  const over = failures - FREE_FAILURES[kind];
  if (over <= 0) return 0;
  return Math.min(MAX_DELAY_MS, 1000 * 2 ** (over - 1));
}

/** Refuses with RATE_LIMITED while either key is locked. */
export async function assertNotThrottled(db: Db, keys: ReturnType<typeof throttleKeys>, now: Date): Promise<void> {
  const list = [keys.email, keys.ip].filter((k): k is string => !!k);
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, list));
  const lockedUntil = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  if (lockedUntil > now.getTime()) {
    throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil((lockedUntil - now.getTime()) / 1000) });
  }
}

export async function recordFailure(db: Db, keys: ReturnType<typeof throttleKeys>, now: Date): Promise<void> {
  for (const [kind, key] of [['email', keys.email], ['ip', keys.ip]] as const) {
    if (!key) continue;
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, failures: 1, updatedAt: now })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures: sql`${loginThrottle.failures} + 1`, updatedAt: now } })
      .returning({ failures: loginThrottle.failures });
    const delay = delayAfter(row!.failures, kind);
    if (delay > 0) await db.update(loginThrottle).set({ lockedUntil: new Date(now.getTime() + delay) }).where(eq(loginThrottle.key, key));
  }
}

export async function clearFailures(db: Db, keys: ReturnType<typeof throttleKeys>): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, keys.email));
}
