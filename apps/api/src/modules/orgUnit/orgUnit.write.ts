import type { OrgUnitDto, orgUnitCreateInput, orgUnitUpdateInput } from '@uc/contracts';
import { members, orgUnits, rowsOf } from '@uc/db';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { FOREIGN_KEY_VIOLATION, isViolation, UNIQUE_VIOLATION } from '../../lib/dbErrors.ts';
import { directMemberCount, findOrgUnit, toOrgUnitDto } from './orgUnit.query.ts';

type CreateInput = z.output<typeof orgUnitCreateInput>;
type UpdateInput = z.output<typeof orgUnitUpdateInput>;

/** Two siblings may not share a name, nor two units a code; the unique constraints decide, even under concurrency. */
function siblingNameTaken(e: unknown): AppError | null {
  if (isViolation(e, UNIQUE_VIOLATION, 'org_unit_code_uq')) return new AppError('CONFLICT', { field: 'code' });
  return isViolation(e, UNIQUE_VIOLATION, 'org_unit_sibling_name_uq') ? new AppError('CONFLICT', { field: 'name' }) : null;
}

export async function createOrgUnit(ctx: ServiceCtx, input: CreateInput): Promise<OrgUnitDto> {
  const parent = await findOrgUnit(ctx, input.parentId);
  let row: typeof orgUnits.$inferSelect | undefined;
  try {
    [row] = await ctx.db
      .insert(orgUnits)
      .values({ tenantId: ctx.tenantId, parentId: parent.id, name: input.name, code: input.code ?? null, kind: input.kind, sortOrder: input.sortOrder, createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
  } catch (e) {
    // the parent was deleted meanwhile
    if (isViolation(e, FOREIGN_KEY_VIOLATION)) throw new AppError('NOT_FOUND');
    throw siblingNameTaken(e) ?? e;
  }
  await recordAudit(ctx, { type: 'org_unit.created', entityType: 'org_unit', entityId: row!.id, data: { name: row!.name, parentId: row!.parentId, ...(row!.code ? { code: row!.code } : {}) } });
  return toOrgUnitDto(row!, 0);
}

/**
 * Moves serialise per federation (a transaction-scoped advisory lock), so two concurrent moves
 * cannot each pass the cycle check and together close a loop.
 */
async function assertNoCycle(ctx: ServiceCtx, unitId: string, newParentId: string) {
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`org_unit_tree:${ctx.tenantId}`}))`);
  await findOrgUnit(ctx, newParentId);
  const hit = rowsOf<{ hit: number }>(
    await ctx.db.execute(sql`
      with recursive up(id, parent_id) as (
        select id, parent_id from org_unit where tenant_id = ${ctx.tenantId} and id = ${newParentId}
        union
        select o.id, o.parent_id from org_unit o join up on o.id = up.parent_id where o.tenant_id = ${ctx.tenantId}
      )
      select 1 as hit from up where id = ${unitId} limit 1`),
  );
  if (hit.length) throw new AppError('ORG_UNIT_CYCLE');
}

export async function updateOrgUnit(ctx: ServiceCtx, input: UpdateInput): Promise<OrgUnitDto> {
  const unit = await findOrgUnit(ctx, input.id, { lock: true });
  if (unit.version !== input.version) throw new AppError('STALE_VERSION', { version: unit.version });
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  const next: Partial<typeof orgUnits.$inferInsert> = {};
  for (const key of ['name', 'code', 'kind', 'sortOrder', 'parentId'] as const) {
    const to = input[key];
    if (to === undefined || to === unit[key]) continue;
    changes[key] = { from: unit[key], to };
    Object.assign(next, { [key]: to });
  }
  if (next.parentId) await assertNoCycle(ctx, unit.id, next.parentId);
  if (!Object.keys(changes).length) return toOrgUnitDto(unit, await directMemberCount(ctx, unit.id));
  let row: typeof orgUnits.$inferSelect | undefined;
  try {
    [row] = await ctx.db
      .update(orgUnits)
      .set({ ...next, version: unit.version + 1, updatedAt: ctx.now })
      .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, unit.id)))
      .returning();
  } catch (e) {
    throw siblingNameTaken(e) ?? e;
  }
  await recordAudit(ctx, { type: 'org_unit.updated', entityType: 'org_unit', entityId: unit.id, data: { changes } });
  return toOrgUnitDto(row!, await directMemberCount(ctx, unit.id));
}

/** Only an empty unit goes: no sub-units, no members. The root never goes. */
export async function deleteOrgUnit(ctx: ServiceCtx, id: string): Promise<void> {
  const unit = await findOrgUnit(ctx, id, { lock: true });
  if (unit.parentId === null) throw new AppError('CONFLICT', { reason: 'root' });
  const [child] = await ctx.db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.parentId, unit.id)))
    .limit(1);
  const [member] = await ctx.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.orgUnitId, unit.id)))
    .limit(1);
  if (child || member) throw new AppError('ORG_UNIT_NOT_EMPTY', { children: !!child, members: !!member });
  try {
    await ctx.db.delete(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, unit.id)));
  } catch (e) {
    // a sub-unit or member arrived meanwhile: the foreign keys refuse
    if (isViolation(e, FOREIGN_KEY_VIOLATION)) throw new AppError('ORG_UNIT_NOT_EMPTY');
    throw e;
  }
  await recordAudit(ctx, { type: 'org_unit.deleted', entityType: 'org_unit', entityId: unit.id, data: { name: unit.name } });
}
