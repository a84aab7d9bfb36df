import { invitations, memberships, users, withoutTenant, withTenant } from '@uc/db';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { UserCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { hashPassword, verifyPassword } from './password.crypto.ts';
import { createSession } from './session.write.ts';
import { throttleKeys, verifyThrottled } from './throttle.write.ts';
import { findPendingInvitation } from './invitation.query.ts';

/**
 * Accepts an invitation: a new user sets a password; an existing user confirms theirs. Single use:
 * the invitation is claimed first, by a conditional update, so of several simultaneous accepts one
 * gets through and the others wait for it and then find the invitation taken. An existing user's
 * password is checked under the sign-in throttle, before the claim's transaction (the failure must
 * count although the request fails): an admin who invites someone holds the link and must not be
 * able to guess that person's password through it.
 */
export async function acceptInvitation(ctx: UserCtx, input: { token: string; displayName?: string | undefined; password: string }) {
  const inv = await findPendingInvitation(ctx.db, input.token, ctx.now);
  const [known] = await withoutTenant(ctx.db, (tx) => tx.select().from(users).where(eq(users.email, inv.email)));
  if (known && !(await verifyThrottled(ctx.db, throttleKeys(inv.email, ctx.ip), ctx.now, () => verifyPassword(known.passwordHash, input.password)))) {
    throw new AppError('INVALID_CREDENTIALS');
  }
  return withTenant(ctx.db, inv.tenantId, async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: ctx.now })
      .where(
        and(
          eq(invitations.tenantId, inv.tenantId),
          eq(invitations.id, inv.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, ctx.now),
        ),
      )
      .returning({ id: invitations.id });
    if (!claimed.length) throw new AppError('INVITATION_INVALID');
    const [existing] = await tx.select().from(users).where(eq(users.email, inv.email));
    let userId: string;
    if (existing) {
      // an account made for this address since the password was checked has not been confirmed
      if (!known || known.id !== existing.id) throw new AppError('INVALID_CREDENTIALS');
      userId = existing.id;
    } else {
      if (input.password.length < 10) throw new AppError('BAD_INPUT', { fields: { password: 'password_too_short' } });
      const [created] = await tx
        .insert(users)
        .values({ email: inv.email, displayName: input.displayName ?? inv.displayName, title: inv.title, passwordHash: await hashPassword(input.password), createdAt: ctx.now })
        .returning();
      userId = created!.id;
    }
    const [membership] = await tx
      .insert(memberships)
      .values({ tenantId: inv.tenantId, userId, roles: inv.roles, orgUnitId: inv.orgUnitId, createdAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (!membership) throw new AppError('ALREADY_MEMBER');
    const actor = { userId, label: inv.email, ip: ctx.ip, userAgent: ctx.userAgent, roles: [], memberId: null };
    await recordAudit(
      { db: tx, tenantId: inv.tenantId, actor, now: ctx.now },
      { type: 'staff.joined', entityType: 'membership', entityId: membership.id, data: { email: inv.email, roles: inv.roles, ...(inv.orgUnitId ? { orgUnitId: inv.orgUnitId } : {}) } },
    );
    return createSession(tx, userId, ctx);
  });
}
