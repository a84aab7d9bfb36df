import { randomBytes } from 'node:crypto';
import { federations, memberships, outbox, passwordResets, sessions, users, withoutTenant, withTenant } from '@uc/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { tokenHash } from '../../lib/token.ts';
import type { ServiceCtx, UserCtx } from '../../service.ts';
import { assertNotSuspended } from './auth.write.ts';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.crypto.ts';
import { createSession } from './session.write.ts';
import { consumeCode, issueCode } from './smsCode.write.ts';
import { throttleKeys, verifyThrottled } from './throttle.write.ts';

// Signing in by mobile (member accounts) and resetting a forgotten password: staff by an emailed
// link, members by an SMS code. A reset ends every session of the account. Answers never say
// whether an email or number is known (no oracle).

export type PublicCtx = UserCtx & { env: ServiceCtx['env'] };
const RESET_TTL_MS = 60 * 60 * 1000;

/** A member signs in with mobile + password, under the same throttle as email sign-in. */
export async function signInByMobile(ctx: UserCtx, input: { mobile: string; password: string }) {
  const [user] = await withoutTenant(ctx.db, (tx) => tx.select().from(users).where(eq(users.mobile, input.mobile)));
  const ok = await verifyThrottled(ctx.db, throttleKeys(`mobile:${input.mobile}`, ctx.ip), ctx.now, async () =>
    user ? verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false),
  );
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  await assertNotSuspended(ctx, user);
  return withoutTenant(ctx.db, (tx) => createSession(tx, user.id, ctx));
}

/** Staff: emails a single-use reset link (1 hour) when the address belongs to someone; always answers ok. */
export async function requestStaffReset(ctx: PublicCtx, input: { email: string }): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const [user] = await withoutTenant(ctx.db, (tx) => tx.select().from(users).where(eq(users.email, email)));
  if (!user || user.mobile) return; // unknown, or a member account (they reset by SMS)
  const [home] = await withoutTenant(
    ctx.db,
    (tx) => tx.select({ id: federations.id }).from(memberships).innerJoin(federations, eq(federations.id, memberships.tenantId)).where(and(eq(memberships.userId, user.id), eq(memberships.status, 'active'), eq(federations.status, 'active'))).limit(1),
    { userId: user.id },
  );
  if (!home) return; // the outbox belongs to a federation: an operator without one resets through the CLI
  const token = randomBytes(24).toString('base64url');
  await withoutTenant(ctx.db, (tx) => tx.insert(passwordResets).values({ tokenHash: tokenHash(token), userId: user.id, expiresAt: new Date(ctx.now.getTime() + RESET_TTL_MS), createdAt: ctx.now }));
  const link = `${ctx.env.publicUrl}/reset/${token}`;
  await withTenant(ctx.db, home.id, (tx) =>
    tx.insert(outbox).values({
      tenantId: home.id,
      toEmail: email,
      subject: '【工会协作平台】重置密码 / Reset your password',
      bodyText: `请在 1 小时内打开以下链接设置新密码（如非本人操作请忽略）：\n${link}\n\nOpen this link within an hour to set a new password (ignore it if you did not ask):\n${link}\n`,
      createdAt: ctx.now,
    }),
  );
}

/** Sets a new password with a reset link's token (single use) and ends every session of the account. */
export async function resetPasswordWithToken(ctx: UserCtx, input: { token: string; password: string }): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await withoutTenant(ctx.db, async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: ctx.now })
      .where(and(eq(passwordResets.tokenHash, tokenHash(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, ctx.now)))
      .returning();
    if (!used) throw new AppError('INVITATION_INVALID');
    await setPassword(tx, used.userId, passwordHash, ctx.now);
  });
}

/** Members: an SMS code to reset the password, when the number has an account; always answers ok. */
export async function requestMemberReset(ctx: UserCtx, input: { mobile: string }): Promise<void> {
  const [user] = await withoutTenant(ctx.db, (tx) => tx.select({ id: users.id }).from(users).where(eq(users.mobile, input.mobile)));
  if (!user) return;
  await issueCode(ctx.db, { mobile: input.mobile, purpose: 'reset', ip: ctx.ip, now: ctx.now, text: (code) => `【工会协作平台】您正在重置密码，验证码 ${code}，10 分钟内有效。如非本人操作请忽略。` });
}

/** Sets a new password with an SMS code and ends every session of the account. */
export async function resetPasswordBySms(ctx: UserCtx, input: { mobile: string; code: string; password: string }): Promise<void> {
  await consumeCode(ctx.db, { mobile: input.mobile, purpose: 'reset', code: input.code, now: ctx.now });
  const passwordHash = await hashPassword(input.password);
  await withoutTenant(ctx.db, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.mobile, input.mobile));
    if (!user) throw new AppError('INVALID_CREDENTIALS');
    await setPassword(tx, user.id, passwordHash, ctx.now);
  });
}

async function setPassword(tx: Parameters<Parameters<typeof withoutTenant>[1]>[0], userId: string, passwordHash: string, now: Date) {
  await tx.update(users).set({ passwordHash, passwordChangedAt: now }).where(eq(users.id, userId));
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}
