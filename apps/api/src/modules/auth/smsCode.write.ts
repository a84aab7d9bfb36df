import { randomInt, timingSafeEqual } from 'node:crypto';
import { smsCodes, smsOutbox, withoutTenant, type Db } from '@uc/db';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { tokenHash } from '../../lib/token.ts';

// One-time codes by SMS (docs/decisions/0014-go-live.md): 6 digits, valid CODE_TTL_MS, single-use,
// MAX_ATTEMPTS wrong tries, stored only as a salted SHA-256; at most one per number a minute and
// PER_HOUR an hour, and PER_IP_HOUR an hour from one address. The SMS goes into sms_outbox (the
// provider sends it after commit); the development and test sink is that table and the log, which
// shows the number and code masked — never in full.

export type CodePurpose = 'activate' | 'reset' | 'signin';
export const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;
const PER_HOUR = 5;
const PER_IP_HOUR = 20;
const MIN_INTERVAL_MS = 60 * 1000;
const HOUR = 60 * 60 * 1000;

const hashOf = (id: string, code: string) => tokenHash(`${id}:${code}`);
export const maskMobile = (m: string) => (m.length >= 7 ? `${m.slice(0, 3)}****${m.slice(-4)}` : '****');

/** Checks the per-number and per-address limits; RATE_LIMITED with the wait when over. */
async function assertUnderLimits(tx: Db, mobile: string, ip: string | null, now: Date): Promise<void> {
  const since = new Date(now.getTime() - HOUR);
  const recent = await tx
    .select({ createdAt: smsCodes.createdAt })
    .from(smsCodes)
    .where(and(eq(smsCodes.mobile, mobile), gt(smsCodes.createdAt, since)))
    .orderBy(desc(smsCodes.createdAt));
  const last = recent[0]?.createdAt.getTime();
  if (last !== undefined && now.getTime() - last < MIN_INTERVAL_MS) throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil((MIN_INTERVAL_MS - (now.getTime() - last)) / 1000) });
  if (recent.length >= PER_HOUR) throw new AppError('RATE_LIMITED', { retryAfterSeconds: Math.ceil((recent[recent.length - 1]!.createdAt.getTime() + HOUR - now.getTime()) / 1000) });
  if (ip) {
    const [n] = await tx.select({ n: sql<number>`count(*)::int` }).from(smsCodes).where(and(eq(smsCodes.ip, ip), gt(smsCodes.createdAt, since)));
    if ((n?.n ?? 0) >= PER_IP_HOUR) throw new AppError('RATE_LIMITED', { retryAfterSeconds: 3600 });
  }
}

/**
 * Issues a code for the number and queues its SMS, in one transaction. `target` says what the code
 * unlocks (a member record to activate); the caller decides whether to issue at all.
 */
export async function issueCode(
  db: Db,
  input: { mobile: string; purpose: CodePurpose; ip: string | null; now: Date; federationId?: string | null; memberId?: string | null; text: (code: string) => string },
): Promise<void> {
  await withoutTenant(db, async (tx) => {
    await assertUnderLimits(tx, input.mobile, input.ip, input.now);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const [row] = await tx
      .insert(smsCodes)
      .values({
        purpose: input.purpose,
        mobile: input.mobile,
        federationId: input.federationId ?? null,
        memberId: input.memberId ?? null,
        codeHash: 'pending',
        expiresAt: new Date(input.now.getTime() + CODE_TTL_MS),
        ip: input.ip,
        createdAt: input.now,
      })
      .returning();
    await tx.update(smsCodes).set({ codeHash: hashOf(row!.id, code) }).where(eq(smsCodes.id, row!.id));
    await tx.insert(smsOutbox).values({ toMobile: input.mobile, body: input.text(code), purpose: input.purpose, createdAt: input.now });
    console.info(`[sms] ${input.purpose} code ****** queued for ${maskMobile(input.mobile)}`);
  });
}

/**
 * Uses the number's latest live code of the purpose: the right code consumes it (single use) and
 * returns what it unlocks; a wrong one counts an attempt (the code dies after MAX_ATTEMPTS). Runs its
 * own transaction so a wrong try is counted even though the request then fails.
 */
export async function consumeCode(db: Db, input: { mobile: string; purpose: CodePurpose; code: string; now: Date }): Promise<{ federationId: string | null; memberId: string | null }> {
  const result = await withoutTenant(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(smsCodes)
      .where(and(eq(smsCodes.mobile, input.mobile), eq(smsCodes.purpose, input.purpose), isNull(smsCodes.consumedAt), gt(smsCodes.expiresAt, input.now)))
      .orderBy(desc(smsCodes.createdAt))
      .limit(1)
      .for('update');
    if (!row || row.attempts >= MAX_ATTEMPTS) return null;
    const want = Buffer.from(row.codeHash);
    const got = Buffer.from(hashOf(row.id, input.code));
    if (want.length !== got.length || !timingSafeEqual(want, got)) {
      await tx.update(smsCodes).set({ attempts: row.attempts + 1 }).where(eq(smsCodes.id, row.id));
      return null;
    }
    await tx.update(smsCodes).set({ consumedAt: input.now }).where(eq(smsCodes.id, row.id));
    return { federationId: row.federationId, memberId: row.memberId };
  });
  if (!result) throw new AppError('INVALID_CREDENTIALS');
  return result;
}
