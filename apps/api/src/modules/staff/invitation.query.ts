import type { InvitationDto, StaffRole } from '@uc/contracts';
import { invitations } from '@uc/db';
import { desc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';

export type InvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(r: InvitationRow, now: Date): InvitationDto['status'] {
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
    title: r.title,
    roles: r.roles as StaffRole[],
    status: invitationStatus(r, now),
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
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
