import { loginThrottle, withoutTenant, type Db } from '@uc/db';
import { eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';

// Failed password checks grow a delay per account and per address, kept in the database so every
// API process sees the same count. An account allows a few typos; an address allows more
// (offices share one address).
const FREE_FAILURES = { email: 4, ip: 20 } as const;
const MAX_DELAY_MS = 15 * 60 * 1000;

export type ThrottleKeys = ReturnType<typeof throttleKeys>;

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

const keyList = (keys: ThrottleKeys) =>
  ([['email', keys.email], ['ip', keys.ip]] as const).filter((k): k is readonly ['email' | 'ip', string] => !!k[1]);

/**
 * Counts an attempt as a failure BEFORE the password is checked, so parallel guesses cannot all
 * pass while no failure has been written yet: each claim increments the counter under its row lock
 * and sets the next lock in the same transaction. A claim on a locked key is refused (and nothing
 * is counted, the transaction rolls back).
 */
async function claimAttempt(db: Db, keys: ThrottleKeys, now: Date): Promise<void> {
  for (const [kind, key] of keyList(keys)) {
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, failures: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: { failures: sql`${loginThrottle.failures} + 1`, updatedAt: now },
        setWhere: or(isNull(loginThrottle.lockedUntil), lte(loginThrottle.lockedUntil, now)),
      })
      .returning({ failures: loginThrottle.failures });
    if (!row) {
      const locked = await db.select({ until: loginThrottle.lockedUntil }).from(loginThrottle).where(inArray(loginThrottle.key, [key]));
      const until = locked[0]?.until?.getTime() ?? now.getTime() + 1000;
      throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) });
    }
    const delay = delayAfter(row.failures, kind);
    if (delay > 0) await db.update(loginThrottle).set({ lockedUntil: new Date(now.getTime() + delay) }).where(eq(loginThrottle.key, key));
  }
}

/** A right password: the account starts afresh; the address gives back the attempt it was charged. */
async function settleSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, keys.email));
  if (!keys.ip) return;
  await db
    .update(loginThrottle)
    .set({
      failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
      lockedUntil: sql`case when ${loginThrottle.failures} - 1 <= ${FREE_FAILURES.ip} then null else ${loginThrottle.lockedUntil} end`,
    })
    .where(eq(loginThrottle.key, keys.ip));
}

/**
 * Checks a password under the throttle: RATE_LIMITED while the account or address is locked,
 * otherwise the result of verify(). Runs its own transactions (the count must stay when the
 * caller's request fails), so call it outside any open transaction.
 */
export async function verifyThrottled(db: Db, keys: ThrottleKeys, now: Date, verify: () => Promise<boolean>): Promise<boolean> {
  await withoutTenant(db, (tx) => claimAttempt(tx, keys, now));
  const ok = await verify();
  if (ok) await withoutTenant(db, (tx) => settleSuccess(tx, keys));
  return ok;
}
