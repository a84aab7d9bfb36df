import { members, orgUnits } from '@uc/db';
import { and, eq, inArray, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';

// An officer's scope (issue 12, least privilege; docs/decisions/0052-org-unit-scope.md). A staff
// membership may be limited to an org unit (membership.org_unit_id = ctx.actor.orgUnitId): its holder
// acts for that unit and every unit below it. Every module that lets a federation's own staff work
// with that federation's members asks here, and nowhere else, which members those are: the member
// list/get/export, the home side of recuperation, contest applications and staff-entered entrants,
// programme nominations and home approval. A federation-wide membership (no unit) sees all.
//
// Reading out of scope: a member record the officer may not see answers NOT_FOUND (it is simply not
// in what they see). Acting out of scope on a row the federation's staff may all read (a booking, an
// application, a request) answers OUT_OF_SCOPE (tRPC FORBIDDEN): its existence is no secret inside the
// federation; the officer just may not decide it.

type ScopeCtx = Pick<ServiceCtx, 'tenantId' | 'actor'>;

/** The ids of the unit and every unit below it (a walk down org_unit), as a parenthesised subquery. */
export const unitSubtree = (tenantId: string, unitId: string): SQL => sql`(
  with recursive units(id) as (
    select id from org_unit where tenant_id = ${tenantId} and id = ${unitId}
    union
    select c.id from org_unit c join units u on c.parent_id = u.id where c.tenant_id = ${tenantId}
  ) select id from units)`;

/** A condition: the member (by id column) belongs to the unit or a unit below it. */
export const memberInUnitTree = (ctx: Pick<ServiceCtx, 'tenantId'>, memberIdColumn: AnyColumn, unitId: string): SQL =>
  sql`${memberIdColumn} in (select m.id from member m where m.tenant_id = ${ctx.tenantId} and m.org_unit_id in ${unitSubtree(ctx.tenantId, unitId)})`;

/** A condition on a member id column of the caller's federation: inside the caller's scope; null when unscoped. */
export const memberScopeCondition = (ctx: ScopeCtx, memberIdColumn: AnyColumn): SQL | null =>
  ctx.actor.orgUnitId ? memberInUnitTree(ctx, memberIdColumn, ctx.actor.orgUnitId) : null;

/** A condition on an org-unit id column (of the member table): inside the caller's scope; null when unscoped. */
export const unitScopeCondition = (ctx: ScopeCtx, orgUnitIdColumn: AnyColumn): SQL | null =>
  ctx.actor.orgUnitId ? sql`${orgUnitIdColumn} in ${unitSubtree(ctx.tenantId, ctx.actor.orgUnitId)}` : null;

/** Of these members of the caller's federation, the ones inside the caller's scope (all when unscoped). */
export async function membersInScope(ctx: Pick<ServiceCtx, 'db' | 'tenantId' | 'actor'>, memberIds: string[]): Promise<Set<string>> {
  const unit = ctx.actor.orgUnitId;
  if (!unit || !memberIds.length) return new Set(memberIds);
  const rows = await ctx.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.id, [...new Set(memberIds)]), sql`${members.orgUnitId} in ${unitSubtree(ctx.tenantId, unit)}`));
  return new Set(rows.map((r) => r.id));
}

/** Refuses (OUT_OF_SCOPE) an action of a scoped officer on a member of their federation outside their unit. */
export async function assertMemberInScope(ctx: Pick<ServiceCtx, 'db' | 'tenantId' | 'actor'>, memberId: string): Promise<void> {
  if (!ctx.actor.orgUnitId) return;
  if (!(await membersInScope(ctx, [memberId])).has(memberId)) throw new AppError('OUT_OF_SCOPE');
}

/** Refuses (OUT_OF_SCOPE) a scoped officer putting or moving a member into a unit outside their scope. */
export async function assertUnitInScope(ctx: Pick<ServiceCtx, 'db' | 'tenantId' | 'actor'>, orgUnitId: string): Promise<void> {
  const scope = ctx.actor.orgUnitId;
  if (!scope) return;
  const [inside] = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, orgUnitId), sql`${orgUnits.id} in ${unitSubtree(ctx.tenantId, scope)}`));
  if (!inside) throw new AppError('OUT_OF_SCOPE');
}
