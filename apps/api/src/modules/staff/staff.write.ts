import { UNSCOPED_ROLES, type StaffRole } from '@uc/contracts';
import { memberships, users } from '@uc/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { findOrgUnit } from '../orgUnit/index.ts';
import { isStaff } from './staff.query.ts';

/**
 * Locks the federation's admin memberships, in id order, before anything else is locked, so two
 * admins changing each other at once queue up instead of deadlocking; the second then sees the
 * first one's change. The acting admin must still be among them (they may have just been demoted).
 */
async function lockAdmins(ctx: ServiceCtx) {
  const admins = await ctx.db
    .select({ id: memberships.id, userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.status, 'active'), sql`${memberships.roles} @> array['admin']::text[]`))
    .orderBy(asc(memberships.id))
    .for('update');
  if (!admins.some((a) => a.userId === ctx.actor.userId)) throw new AppError('FORBIDDEN');
  return admins;
}

function assertAdminRemains(admins: { id: string }[], changingId: string, nextRoles: StaffRole[] | null) {
  const remaining = admins.filter((a) => a.id !== changingId).length + (nextRoles?.includes('admin') ? 1 : 0);
  if (remaining === 0) throw new AppError('LAST_ADMIN');
}

async function findStaff(ctx: ServiceCtx, membershipId: string) {
  const [row] = await ctx.db
    .select({ m: memberships, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.id, membershipId), isStaff))
    .for('update', { of: memberships });
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** A membership limited to an org unit holds no role of the whole federation (UNSCOPED_ROLES). */
export function assertScopableRoles(roles: readonly string[]): void {
  if (roles.some((r) => (UNSCOPED_ROLES as readonly string[]).includes(r))) {
    throw new AppError('BAD_INPUT', { fields: { orgUnitId: 'scope_not_for_role' } });
  }
}

/** Roles, and optionally the org unit the membership is limited to (null: the whole federation; absent: unchanged). */
export async function updateStaffRoles(ctx: ServiceCtx, input: { membershipId: string; roles: StaffRole[]; orgUnitId?: string | null | undefined }) {
  const admins = await lockAdmins(ctx);
  const row = await findStaff(ctx, input.membershipId);
  const roles = [...new Set(input.roles)];
  assertAdminRemains(admins, row.m.id, roles);
  // a unit of another federation answers NOT_FOUND (findOrgUnit reads in this tenant only)
  const unit = input.orgUnitId ? await findOrgUnit(ctx, input.orgUnitId) : null;
  const orgUnitId = input.orgUnitId === undefined ? row.m.orgUnitId : (unit?.id ?? null);
  if (orgUnitId) assertScopableRoles(roles);
  await ctx.db.update(memberships).set({ roles, orgUnitId }).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.id, row.m.id)));
  const scopeChanged = orgUnitId !== row.m.orgUnitId;
  const previous = scopeChanged && row.m.orgUnitId ? await findOrgUnit(ctx, row.m.orgUnitId) : null;
  await recordAudit(ctx, {
    type: 'staff.roles_changed',
    entityType: 'membership',
    entityId: row.m.id,
    data: {
      email: row.email,
      from: row.m.roles,
      to: roles,
      ...(scopeChanged
        ? { orgUnit: { from: previous ? { id: previous.id, name: previous.name } : null, to: unit ? { id: unit.id, name: unit.name } : null } }
        : {}),
    },
  });
}

export async function removeStaff(ctx: ServiceCtx, membershipId: string) {
  const admins = await lockAdmins(ctx);
  const row = await findStaff(ctx, membershipId);
  assertAdminRemains(admins, row.m.id, null);
  await ctx.db.delete(memberships).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.id, row.m.id)));
  await recordAudit(ctx, { type: 'staff.removed', entityType: 'membership', entityId: row.m.id, data: { email: row.email } });
}

const label = (p: { name: string; title: string }) => (p.title ? `${p.name}（${p.title}）` : p.name);

/** 姓名 and 职务 of a staff member of this federation: how every page and PDF names them (issue 16). */
export async function updateStaffPerson(ctx: ServiceCtx, input: { membershipId: string; displayName: string; title: string }) {
  const row = await findStaff(ctx, input.membershipId);
  const [before] = await ctx.db.select({ name: users.displayName, title: users.title }).from(users).where(eq(users.id, row.m.userId)).for('update');
  const to = { name: input.displayName, title: input.title };
  if (before!.name === to.name && before!.title === to.title) return;
  await ctx.db.update(users).set({ displayName: to.name, title: to.title }).where(eq(users.id, row.m.userId));
  await recordAudit(ctx, { type: 'staff.person_updated', entityType: 'membership', entityId: row.m.id, data: { name: to.name, title: to.title, from: label(before!), to: label(to) } });
}
