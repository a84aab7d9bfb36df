import { federations, memberships, sessions, users, withoutTenant } from '@uc/db';
import { and, eq, ne } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { UserCtx } from '../../service.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.crypto.ts';
import { createSession, type AuthSession } from './session.write.ts';
import { throttleKeys, verifyThrottled } from './throttle.write.ts';

/** Checks the password (with throttling) and opens a session. */
export async function signIn(ctx: UserCtx, input: { email: string; password: string }) {
  const email = input.email.trim().toLowerCase();
  const keys = throttleKeys(email, ctx.ip);
  const [user] = await withoutTenant(ctx.db, (tx) => tx.select().from(users).where(eq(users.email, email)));
  const ok = await verifyThrottled(ctx.db, keys, ctx.now, async () =>
    user ? verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false),
  );
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  await assertNotSuspended(ctx, user);
  return withoutTenant(ctx.db, async (tx) => {
    const session = await createSession(tx, user.id, ctx);
    return { ...session, userId: user.id };
  });
}

/**
 * A user whose federations are all suspended cannot sign in (an operator always can; a user with
 * no federation yet — between accepting nothing and an invitation — is left to the invitation).
 */
export async function assertNotSuspended(ctx: UserCtx, user: { id: string; platformRole: string | null }): Promise<void> {
  if (user.platformRole === 'operator') return;
  const rows = await withoutTenant(
    ctx.db,
    (tx) =>
      tx
        .select({ status: federations.status })
        .from(memberships)
        .innerJoin(federations, eq(federations.id, memberships.tenantId))
        .where(and(eq(memberships.userId, user.id), eq(memberships.status, 'active'))),
    { userId: user.id },
  );
  if (rows.length && rows.every((r) => r.status !== 'active')) throw new AppError('FEDERATION_SUSPENDED');
}

export async function signOut(ctx: UserCtx, auth: AuthSession): Promise<void> {
  await withoutTenant(ctx.db, (tx) => tx.delete(sessions).where(eq(sessions.id, auth.sessionId)));
}

/** Revokes one of my sessions, named by the id prefix listMySessions shows. */
export async function revokeMySession(ctx: UserCtx, auth: AuthSession, idPrefix: string): Promise<void> {
  await withoutTenant(ctx.db, async (tx) => {
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
export async function changePassword(ctx: UserCtx, auth: AuthSession, input: { currentPassword: string; newPassword: string }) {
  const [user] = await withoutTenant(ctx.db, (tx) => tx.select().from(users).where(eq(users.id, auth.user.id)));
  if (!user) throw new AppError('INVALID_CREDENTIALS');
  const keys = throttleKeys(user.email, ctx.ip);
  if (!(await verifyThrottled(ctx.db, keys, ctx.now, () => verifyPassword(user.passwordHash, input.currentPassword)))) {
    throw new AppError('INVALID_CREDENTIALS');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await withoutTenant(ctx.db, async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: ctx.now }).where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.id, auth.sessionId)));
  });
}

/** The signed-in user's password again (before signing an agreement), under the sign-in throttle. */
export async function confirmPassword(ctx: UserCtx, userId: string, password: string): Promise<boolean> {
  const [user] = await withoutTenant(ctx.db, (tx) => tx.select().from(users).where(eq(users.id, userId)));
  if (!user) return false;
  return verifyThrottled(ctx.db, throttleKeys(user.email, ctx.ip), ctx.now, () => verifyPassword(user.passwordHash, password));
}

export async function setLocale(ctx: UserCtx, auth: AuthSession, locale: 'zh-CN' | 'en'): Promise<void> {
  await withoutTenant(ctx.db, (tx) => tx.update(users).set({ locale }).where(eq(users.id, auth.user.id)));
}
