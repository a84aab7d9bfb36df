import type { InvitationDto, StaffRole } from '@uc/contracts';
import { invitations, orgUnits } from '@uc/db';
import { and, desc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';

export type InvitationRow = typeof invitations.$inferSelect;

export function invitationStatus(r: InvitationRow, now: Date): InvitationDto['status'] {
  if (r.acceptedAt) return 'accepted';
  if (r.revokedAt) return 'revoked';
  if (r.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

export function toInvitationDto(r: InvitationRow, now: Date, unitName: string | null = null): InvitationDto {
  return {
    id: r.id,
    email: r.email,
    displayName: r.displayName,
    title: r.title,
    roles: r.roles as StaffRole[],
    status: invitationStatus(r, now),
    orgUnit: r.orgUnitId ? { id: r.orgUnitId, name: unitName ?? '' } : null,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listInvitations(ctx: ServiceCtx): Promise<InvitationDto[]> {
  const rows = await ctx.db
    .select({ i: invitations, unitName: orgUnits.name })
    .from(invitations)
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, invitations.tenantId), eq(orgUnits.id, invitations.orgUnitId)))
    .where(eq(invitations.tenantId, ctx.tenantId))
    .orderBy(desc(invitations.createdAt))
    .limit(200);
  return rows.map((r) => toInvitationDto(r.i, ctx.now, r.unitName));
}
