import type { MeDto, Role, SessionDto } from '@uc/contracts';
import { federations, memberships, sessions, users, withoutTenant, type Db } from '@uc/db';
import { and, desc, eq, ne } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.ts';
import { createSession, type AuthSession } from './session.ts';
import { throttleKeys, verifyThrottled } from './throttle.ts';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  now: Date;
}

/** Checks the password (with throttling) and opens a session. */
export async function signIn(db: Db, input: { email: string; password: string }, meta: RequestMeta) {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, meta.ip);
  const [user] = await withoutTenant(db, (tx) => tx.select().from(users).where(eq(users.email, email)));
  const ok = await verifyThrottled(db, keys, meta.now, async () =>
    user ? verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false),
  );
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  return withoutTenant(db, async (tx) => {
    const session = await createSession(tx, user.id, meta);
    return { ...session, userId: user.id };
  });
}

export async function signOut(db: Db, auth: AuthSession): Promise<void> {
  await withoutTenant(db, (tx) => tx.delete(sessions).where(eq(sessions.id, auth.sessionId)));
}

export async function getMe(db: Db, auth: AuthSession): Promise<MeDto> {
  return withoutTenant(
    db,
    async (tx) => {
      const rows = await tx
        .select({
          tenantId: memberships.tenantId,
          slug: federations.slug,
          nameZh: federations.nameZh,
          nameEn: federations.nameEn,
          roles: memberships.roles,
          memberId: memberships.memberId,
        })
        .from(memberships)
        .innerJoin(federations, eq(federations.id, memberships.tenantId))
        .where(and(eq(memberships.userId, auth.user.id), eq(memberships.status, 'active')))
        .orderBy(federations.slug);
      return {
        user: { ...auth.user, locale: auth.user.locale === 'en' ? 'en' : 'zh-CN' },
        memberships: rows.map((r) => ({ ...r, roles: r.roles as Role[] })),
      };
    },
    { userId: auth.user.id },
  );
}

export async function listMySessions(db: Db, auth: AuthSession): Promise<SessionDto[]> {
  const rows = await withoutTenant(db, (tx) =>
    tx.select().from(sessions).where(eq(sessions.userId, auth.user.id)).orderBy(desc(sessions.lastSeenAt)),
  );
  return rows.map((s) => ({
    id: s.id.slice(0, 16),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
    current: s.id === auth.sessionId,
  }));
}

/** Revokes one of my sessions, named by the id prefix listMySessions shows. */
export async function revokeMySession(db: Db, auth: AuthSession, idPrefix: string): Promise<void> {
  await withoutTenant(db, async (tx) => {
    const mine = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, auth.user.id));
    const target = mine.find((s) => s.id.startsWith(idPrefix) && idPrefix.length >= 16);
    if (!target) throw new AppError('NOT_FOUND');
    await tx.delete(sessions).where(eq(sessions.id, target.id));
  });
}

/**
 * Changes the password and signs out every other session. The current password is checked under
 * the sign-in throttle: a stolen session must not become a way to guess it without limit.
 */
export async function changePassword(db: Db, auth: AuthSession, input: { currentPassword: string; newPassword: string }, meta: RequestMeta) {
  const [user] = await withoutTenant(db, (tx) => tx.select().from(users).where(eq(users.id, auth.user.id)));
  if (!user) throw new AppError('INVALID_CREDENTIALS');
  const keys = throttleKeys(user.email, meta.ip);
  if (!(await verifyThrottled(db, keys, meta.now, () => verifyPassword(user.passwordHash, input.currentPassword)))) {
    throw new AppError('INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withoutTenant(db, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: meta.now }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, auth.sessionId)));
  });
}

/** The signed-in user's password again (before signing an agreement), under the sign-in throttle. */
export async function confirmPassword(db: Db, userId: string, password: string, meta: Pick<RequestMeta, 'ip' | 'now'>): Promise<boolean> {
  const [user] = await withoutTenant(db, (tx) => tx.select().from(users).where(eq(users.id, userId)));
  if (!user) return false;
  return verifyThrottled(db, throttleKeys(user.email, meta.ip), meta.now, () => verifyPassword(user.passwordHash, password));
}

export async function setLocale(db: Db, auth: AuthSession, locale: 'zh-CN' | 'en'): Promise<void> {
  await withoutTenant(db, (tx) => tx.update(users).set({ locale }).where(eq(users.id, auth.user.id)));
}
