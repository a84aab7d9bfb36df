import type { StaffDto, StaffRole } from '@uc/contracts';
import { memberships, orgUnits, users } from '@uc/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../../service.ts';

export const isStaff = sql`not (${memberships.roles} @> array['member']::text[])`;

export async function listStaff(ctx: ServiceCtx): Promise<StaffDto[]> {
  const rows = await ctx.db
    .select({ m: memberships, email: users.email, displayName: users.displayName, title: users.title, unitName: orgUnits.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(orgUnits, and(eq(orgUnits.tenantId, memberships.tenantId), eq(orgUnits.id, memberships.orgUnitId)))
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.status, 'active'), isStaff))
    .orderBy(asc(users.email));
  return rows.map((r) => ({
    membershipId: r.m.id,
    userId: r.m.userId,
    email: r.email,
    displayName: r.displayName,
    title: r.title,
    roles: r.m.roles as StaffRole[],
    orgUnit: r.m.orgUnitId ? { id: r.m.orgUnitId, name: r.unitName ?? '' } : null,
    createdAt: r.m.createdAt.toISOString(),
  }));
}
