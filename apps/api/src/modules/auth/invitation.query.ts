import type { StaffRole } from '@uc/contracts';
import { federations, invitations, orgUnits, users, withTenant, type Db } from '@uc/db';
import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { UserCtx } from '../../service.ts';
import { tokenHash } from '../../lib/token.ts';
import { invitationStatus, type InvitationRow } from '../staff/index.ts';

/** The pending invitation of a token (readable by the token's hash alone), or INVITATION_INVALID. */
export async function findPendingInvitation(db: Db, token: string, now: Date): Promise<InvitationRow> {
  const hash = tokenHash(token);
  const found = await db.transaction(async (raw) => {
    const tx = raw as unknown as Db;
    await tx.execute(sql`select set_config('role', 'uc_app', true), set_config('app.invitation_token_hash', ${hash}, true)`);
    const [inv] = await tx.select().from(invitations).where(eq(invitations.tokenHash, hash));
    return inv;
  });
  if (!found || invitationStatus(found, now) !== 'pending') throw new AppError('INVITATION_INVALID');
  return found;
}

/** Runs fn with the invitation the token names, in its federation's context; INVITATION_INVALID otherwise. */
async function withInvitation<T>(db: Db, token: string, now: Date, fn: (tx: Db, inv: InvitationRow) => Promise<T>): Promise<T> {
  const found = await findPendingInvitation(db, token, now);
  return withTenant(db, found.tenantId, (tx) => fn(tx, found));
}

export async function previewInvitation(ctx: UserCtx, token: string) {
  return withInvitation(ctx.db, token, ctx.now, async (tx, inv) => {
    const [fed] = await tx.select().from(federations).where(eq(federations.id, inv.tenantId));
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
    const [unit] = inv.orgUnitId ? await tx.select({ name: orgUnits.name }).from(orgUnits).where(and(eq(orgUnits.tenantId, inv.tenantId), eq(orgUnits.id, inv.orgUnitId))) : [];
    return {
      email: inv.email,
      displayName: inv.displayName,
      federationNameZh: fed!.nameZh,
      federationNameEn: fed!.nameEn,
      roles: inv.roles as StaffRole[],
      orgUnitName: unit?.name ?? null,
      existingUser: !!existing,
    };
  });
}
