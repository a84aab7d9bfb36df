import { loginThrottle, withoutTenant, type Db } from '@uc/db';
import { eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';

// Failed password checks grow a delay, kept in the database so every API process sees the same
// count, on three keys (docs/decisions/0014-go-live.md):
//  - pair: this account from this address — a few typos, then 1 s, 2 s … up to 15 min. Guessing
//    one account from one place is what this stops, and only that place is locked out;
//  - ip: this address, any account — more free failures (offices share one address), up to 15 min;
//  - account: this account from anywhere — many free failures, then a delay that never exceeds
//    ACCOUNT_MAX_DELAY_MS. It slows guessing spread over many addresses; a stranger who knows the
//    email cannot keep the owner out for longer than that, and the right password gets through.
// A locked key refuses the attempt before the later keys are counted, so a locked-out stranger
// no longer adds to the account's count.
// A fourth key, desk: wrong short check-in codes entered for one batch (any staff member of the
// host): a 6-digit code must not be found by trying codes at the desk.
const FREE_FAILURES = { pair: 4, ip: 20, account: 10, desk: 10 } as const;
const MAX_DELAY_MS = { pair: 15 * 60 * 1000, ip: 15 * 60 * 1000, account: 30 * 1000, desk: 15 * 60 * 1000 } as const;
export const ACCOUNT_MAX_DELAY_MS = MAX_DELAY_MS.account;

type KeyKind = keyof typeof FREE_FAILURES;
export type ThrottleKeys = ReturnType<typeof throttleKeys>;

/** `account` is an email or a mobile number (member sign-in); `-` stands for an unknown address. */
export const throttleKeys = (account: string, ip: string | null) => ({
  ip: ip ? `ip:${ip}` : null,
  pair: `pair:${account.toLowerCase()}|${ip ?? '-'}`,
  account: `account:${account.toLowerCase()}`,
});

/** The lock a failure sets: none for the first free failures, then 1 s, 2 s, 4 s … up to the key's maximum. */
export function delayAfter(failures: number, kind: KeyKind): number {
  const over = failures - FREE_FAILURES[kind];
  if (over <= 0) return 0;
  return Math.min(MAX_DELAY_MS[kind], 1000 * 2 ** Math.min(30, over - 1));
}

type KeyList = (readonly [KeyKind, string])[];
const keyList = (keys: ThrottleKeys): KeyList =>
  ([['ip', keys.ip], ['pair', keys.pair], ['account', keys.account]] as [KeyKind, string | null][]).filter((k): k is [KeyKind, string] => !!k[1]);

/**
 * Counts an attempt as a failure BEFORE the password is checked, so parallel guesses cannot all
 * pass while no failure has been written yet: each claim increments the counter under its row lock
 * and sets the next lock in the same transaction. A claim on a locked key is refused (and nothing
 * is counted, the transaction rolls back).
 */
async function claimAttempt(db: Db, keys: KeyList, now: Date): Promise<void> {
  for (const [kind, key] of keys) {
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
// Rows are locked in one order, ip → pair → account, by the claim and by the settlement alike:
// two requests of one user at once (a retried signature) must not each hold what the other waits for.
async function settleSuccess(db: Db, keys: ThrottleKeys): Promise<void> {
  if (keys.ip) {
    await db
      .update(loginThrottle)
      .set({
        failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
        lockedUntil: sql`case when ${loginThrottle.failures} - 1 <= ${FREE_FAILURES.ip} then null else ${loginThrottle.lockedUntil} end`,
      })
      .where(eq(loginThrottle.key, keys.ip));
  }
  if (keys.pair) await db.delete(loginThrottle).where(eq(loginThrottle.key, keys.pair));
  if (keys.account) await db.delete(loginThrottle).where(eq(loginThrottle.key, keys.account));
}

/**
 * Checks a password under the throttle: RATE_LIMITED while the account or address is locked,
 * otherwise the result of verify(). Runs its own transactions (the count must stay when the
 * caller's request fails), so call it outside any open transaction.
 */
export async function verifyThrottled(db: Db, keys: ThrottleKeys, now: Date, verify: () => Promise<boolean>): Promise<boolean> {
  await withoutTenant(db, (tx) => claimAttempt(tx, keyList(keys), now));
  const ok = await verify();
  if (ok) await withoutTenant(db, (tx) => settleSuccess(tx, keys));
  return ok;
}

/**
 * A short check-in code entered at a host's desk for one batch, under the same throttle: each entry
 * is counted before the lookup and a right code gives its attempt back; ten wrong ones, then 1 s,
 * 2 s … up to 15 min for that batch (RATE_LIMITED). Runs in the request's transaction, which must
 * commit for a wrong code to count: the caller answers a miss with a result, not an error.
 */
export async function lookupThrottled<T>(tx: Db, desk: { hostTenantId: string; batchId: string }, now: Date, lookup: () => Promise<T | undefined>): Promise<T | undefined> {
  const key = `desk:${desk.hostTenantId}|${desk.batchId}`;
  await claimAttempt(tx, [['desk', key]], now);
  const found = await lookup();
  if (found) await tx.update(loginThrottle).set({ failures: sql`greatest(${loginThrottle.failures} - 1, 0)` }).where(eq(loginThrottle.key, key));
  return found;
}
