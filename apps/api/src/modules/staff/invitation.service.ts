import { randomBytes } from 'node:crypto';
import type { InvitationDto, StaffRole } from '@uc/contracts';
import { federations, invitations, memberships, outbox, users, withoutTenant, withTenant, type Db } from '@uc/db';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { createSession, sessionIdFromToken } from '../auth/session.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { throttleKeys, verifyThrottled } from '../auth/throttle.ts';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

type InvitationRow = typeof invitations.$inferSelect;

function statusOf(r: InvitationRow, now: Date): InvitationDto['status'] {
  if (r.acceptedAt) return 'accepted';
  if (r.revokedAt) return 'revoked';
  if (r.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

export function toInvitationDto(r: InvitationRow, now: Date): InvitationDto {
  return {
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    roles: r.roles as StaffRole[],
    status: statusOf(r, now),
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

/** Invites a person to the federation's staff: a single-use link, emailed through the outbox. */
export async function inviteStaff(ctx: ServiceCtx, input: { email: string; displayName: string; roles: StaffRole[] }) {
  const email = input.email.trim().toLowerCase();
  const already = await ctx.db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(users.email, email)));
  if (already.length) throw new AppError('ALREADY_MEMBER');
  const token = randomBytes(24).toString('base64url');
  const [row] = await ctx.db
    .insert(invitations)
    .values({
      tenantId: ctx.tenantId,
      email,
      displayName: input.displayName,
      roles: [...new Set(input.roles)],
      tokenHash: sessionIdFromToken(token),
      expiresAt: new Date(ctx.now.getTime() + INVITATION_TTL_MS),
      invitedBy: ctx.actor.userId,
      createdAt: ctx.now,
    })
    .returning();
  const link = `${ctx.env.publicUrl}/invite/${token}`;
  const [fed] = await ctx.db.select().from(federations).where(eq(federations.id, ctx.tenantId));
  await ctx.db.insert(outbox).values({
    tenantId: ctx.tenantId,
    toEmail: email,
    subject: `【工会协作平台】${fed!.nameZh}邀请您加入 / Invitation to ${fed!.nameEn}`,
    bodyText: `${input.displayName}，您好：\n\n${fed!.nameZh}邀请您以工作人员身份加入工会协作平台。请在 7 天内打开以下链接完成注册：\n${link}\n\n${fed!.nameEn} invites you to Union Commons. Open the link within 7 days:\n${link}\n`,
    createdAt: ctx.now,
  });
  await recordAudit(ctx, { type: 'staff.invited', entityType: 'invitation', entityId: row!.id, data: { email, roles: row!.roles } });
  return { invitation: toInvitationDto(row!, ctx.now), link };
}

export async function listInvitations(ctx: ServiceCtx): Promise<InvitationDto[]> {
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(eq(invitations.tenantId, ctx.tenantId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map((r) => toInvitationDto(r, ctx.now));
}

export async function revokeInvitation(ctx: ServiceCtx, id: string): Promise<void> {
  const [row] = await ctx.db
    .update(invitations)
    .set({ revokedAt: ctx.now })
    .where(and(eq(invitations.tenantId, ctx.tenantId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning();
  if (!row) throw new AppError('NOT_FOUND');
  await recordAudit(ctx, { type: 'staff.invitation_revoked', entityType: 'invitation', entityId: id, data: { email: row.email } });
}

/** Runs fn with the invitation the token names, in its federation's context; INVITATION_INVALID otherwise. */
/** The pending invitation of a token (readable by the token's hash alone), or INVITATION_INVALID. */
async function findPendingInvitation(db: Db, token: string, now: Date): Promise<InvitationRow> {
  const tokenHash = sessionIdFromToken(token);
  const found = await db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    await tx.execute(sql`select set_config('role', 'uc_app', true), set_config('app.invitation_token_hash', ${tokenHash}, true)`);
    const [inv] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
    return inv;
  });
  if (!found || statusOf(found, now) !== 'pending') throw new AppError('INVITATION_INVALID');
  return found;
}

async function withInvitation<T>(db: Db, token: string, now: Date, fn: (tx: Db, inv: InvitationRow) => Promise<T>): Promise<T> {
  const found = await findPendingInvitation(db, token, now);
  return withTenant(db, found.tenantId, (tx) => fn(tx, found));
}

export async function previewInvitation(db: Db, token: string, now: Date) {
  return withInvitation(db, token, now, async (tx, inv) => {
    const [fed] = await tx.select().from(federations).where(eq(federations.id, inv.tenantId));
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
    return {
      email: inv.email,
      displayName: inv.displayName,
      federationNameZh: fed!.nameZh,
      federationNameEn: fed!.nameEn,
      roles: inv.roles as StaffRole[],
      existingUser: !!existing,
    };
  });
}

/**
 * Accepts an invitation: a new user sets a password; an existing user confirms theirs. Single use:
 * the invitation is claimed first, by a conditional update, so of several simultaneous accepts one
 * gets through and the others wait for it and then find the invitation taken. An existing user's
 * password is checked under the sign-in throttle, before the claim's transaction (the failure must
 * count although the request fails): an admin who invites someone holds the link and must not be
 * able to guess that person's password through it.
 */
export async function acceptInvitation(db: Db, input: { token: string; displayName?: string | undefined; password: string }, meta: RequestMeta) {
  const inv = await findPendingInvitation(db, input.token, meta.now);
  const [known] = await withoutTenant(db, (tx) => tx.select().from(users).where(eq(users.email, inv.email)));
  if (known && !(await verifyThrottled(db, throttleKeys(inv.email, meta.ip), meta.now, () => verifyPassword(known.passwordHash, input.password)))) {
    throw new AppError('INVALID_CREDENTIALS');
  }
  return withTenant(db, inv.tenantId, async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: meta.now })
      .where(
        and(
          eq(invitations.tenantId, inv.tenantId),
          eq(invitations.id, inv.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, meta.now),
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
        .values({ email: inv.email, displayName: input.displayName ?? inv.displayName, passwordHash: await hashPassword(input.password), createdAt: meta.now })
        .returning();
      userId = created!.id;
    }
    const [membership] = await tx
      .insert(memberships)
      .values({ tenantId: inv.tenantId, userId, roles: inv.roles, createdAt: meta.now })
      .onConflictDoNothing()
      .returning();
    if (!membership) throw new AppError('ALREADY_MEMBER');
    const actor = { userId, label: inv.email, ip: meta.ip, userAgent: meta.userAgent, roles: [], memberId: null };
    await recordAudit(
      { db: tx, tenantId: inv.tenantId, actor, now: meta.now },
      { type: 'staff.joined', entityType: 'membership', entityId: membership.id, data: { email: inv.email, roles: inv.roles } },
    );
    return createSession(tx, userId, meta);
  });
}
