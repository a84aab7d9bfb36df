import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { randomBytes } from 'node:crypto';
import { rowsOf, sessions, users, withoutTenant, type Db } from '@uc/db';
import { eq, sql } from 'drizzle-orm';
import { tokenHash } from '../../lib/token.ts';

// Sessions as in the Lucia guide: a random token in the cookie, its SHA-256 in the database.
export const SESSION_COOKIE = 'uc_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_TTL_MS = 30 * DAY;
/** a session used in its second half is extended (sliding expiry) */
const RENEW_WITHIN_MS = 15 * DAY;
/** however often it slides (30-day window), a session ends this long after sign-in (decisions/0015) */
export const SESSION_MAX_AGE_MS = 90 * DAY;

export interface AuthSession {
  sessionId: string;
  expiresAt: Date;
  /** set when this validation slid the expiry forward: the cookie must be sent again with it */
  renewed?: boolean;
  user: { id: string; email: string; displayName: string; locale: string; platformRole?: string | null };
}

export function generateSessionToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip: string | null; userAgent: string | null; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(meta.now.getTime() + SESSION_TTL_MS);
  await db.insert(sessions).values({
    id: tokenHash(token),
    userId,
    expiresAt,
    createdAt: meta.now,
    lastSeenAt: meta.now,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
  });
  return { token, expiresAt };
}

/** The session for a cookie token, or null; expired sessions are deleted, live ones slide. */
export async function validateSessionToken(db: Db, token: string, now: Date): Promise<AuthSession | null> {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = tokenHash(token);
  return withoutTenant(db, async (tx) => {
    const [row] = await tx
      .select({
        expiresAt: sessions.expiresAt,
        createdAt: sessions.createdAt,
        userId: users.id,
        email: users.email,
        displayName: users.displayName,
        locale: users.locale,
        platformRole: users.platformRole,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.id, id));
    if (!row) return null;
    const endOfLife = row.createdAt.getTime() + SESSION_MAX_AGE_MS;
    if (row.expiresAt.getTime() <= now.getTime() || endOfLife <= now.getTime()) {
      await tx.delete(sessions).where(eq(sessions.id, id));
      return null;
    }
    let expiresAt = row.expiresAt;
    let renewed = false;
    if (expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS) {
      expiresAt = new Date(Math.min(now.getTime() + SESSION_TTL_MS, endOfLife));
      renewed = true;
      await tx.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, id));
    }
    return {
      sessionId: id,
      expiresAt,
      renewed,
      user: { id: row.userId, email: row.email, displayName: row.displayName, locale: row.locale, platformRole: row.platformRole },
    };
  });
}

/** A cookie token of the right shape, or null (nothing to look up). */
export const wellFormedToken = (token: string | null): string | null => (token && /^[a-z2-7]{32}$/.test(token) ? token : null);

interface SessionRow {
  expires_at: string | Date;
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
}

/**
 * The session's row read INSIDE the request's transaction (folded into the tenant procedures'
 * one transaction, sent together with the membership lookup): it also sets app.user_id for the
 * statements after it. Settle the answer with settleSession.
 */
export function readSessionInTx(tx: Db, token: string): Promise<unknown> {
  return tx.execute(sql`
    select s.expires_at, u.id as user_id, u.email, u.display_name, u.locale, set_config('app.user_id', u.id::text, true)
    from ${sessions} s join ${users} u on u.id = s.user_id where s.id = ${tokenHash(token)}`);
}

/** The session from readSessionInTx's result: null when unknown, 'expired' (the caller deletes it outside), else live (slid forward when due). */
export async function settleSession(tx: Db, token: string, result: unknown, now: Date): Promise<AuthSession | 'expired' | null> {
  const [row] = rowsOf<SessionRow>(result);
  if (!row) return null;
  let expiresAt = new Date(row.expires_at);
  if (expiresAt.getTime() <= now.getTime()) return 'expired';
  const id = tokenHash(token);
  let renewed = false;
  if (expiresAt.getTime() - now.getTime() < RENEW_WITHIN_MS) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    renewed = true;
    await tx.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { sessionId: id, expiresAt, renewed, user: { id: row.user_id, email: row.email, displayName: row.display_name, locale: row.locale } };
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${token}`,
    'HttpOnly',
    'SameSite=Lax',
    'Path=/',
    `Expires=${expiresAt.toUTCString()}`,
    secure ? 'Secure' : '',
  ]
    .filter(Boolean)
    .join('; ');
}

export function blankSessionCookie(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'HttpOnly', 'SameSite=Lax', 'Path=/', 'Max-Age=0', secure ? 'Secure' : ''].filter(Boolean).join('; ');
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
