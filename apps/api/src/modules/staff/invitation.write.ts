import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@uc/contracts';
import { federations, invitations, memberships, outbox, users } from '@uc/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { tokenHash } from '../../lib/token.ts';
import { findOrgUnit } from '../orgUnit/index.ts';
import { toInvitationDto } from './invitation.query.ts';
import { assertScopableRoles } from './staff.write.ts';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Invites a person to the federation's staff: a single-use link, emailed through the outbox. With an
 * org unit the membership made on acceptance is limited to it and the units below it (a unit of
 * another federation answers NOT_FOUND: findOrgUnit reads in this tenant only).
 */
export async function inviteStaff(
  ctx: ServiceCtx,
  input: { email: string; displayName: string; title?: string | undefined; roles: StaffRole[]; orgUnitId?: string | null | undefined },
) {
  const email = input.email.trim().toLowerCase();
  const unit = input.orgUnitId ? await findOrgUnit(ctx, input.orgUnitId) : null;
  if (unit) assertScopableRoles(input.roles);
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
      title: input.title ?? '',
      roles: [...new Set(input.roles)],
      tokenHash: tokenHash(token),
      expiresAt: new Date(ctx.now.getTime() + INVITATION_TTL_MS),
      invitedBy: ctx.actor.userId,
      orgUnitId: unit?.id ?? null,
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
  await recordAudit(ctx, {
    type: 'staff.invited',
    entityType: 'invitation',
    entityId: row!.id,
    data: { email, roles: row!.roles, ...(unit ? { orgUnit: { id: unit.id, name: unit.name } } : {}) },
  });
  return { invitation: toInvitationDto(row!, ctx.now, unit?.name ?? null), link };
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
