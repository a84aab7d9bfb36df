import type { OrgUnitDto, OrgUnitSearchDto } from '@uc/contracts';
import { members, orgUnits } from '@uc/db';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';

type OrgUnitRow = typeof orgUnits.$inferSelect;

export function toOrgUnitDto(r: OrgUnitRow, memberCount: number): OrgUnitDto {
  return {
    id: r.id,
    parentId: r.parentId,
    name: r.name,
    code: r.code,
    kind: r.kind as OrgUnitDto['kind'],
    sortOrder: r.sortOrder,
    version: r.version,
    memberCount,
  };
}

/**
 * The federation's whole tree as a flat list in depth-first order (each parent before its
 * children, siblings by sort order then name), with the members directly in each unit.
 */
export async function listOrgUnits(ctx: ServiceCtx): Promise<OrgUnitDto[]> {
  const rows = await ctx.db.select().from(orgUnits).where(eq(orgUnits.tenantId, ctx.tenantId));
  const counts = await ctx.db
    .select({ orgUnitId: members.orgUnitId, n: sql<number>`count(*)::int` })
    .from(members)
    .where(eq(members.tenantId, ctx.tenantId))
    .groupBy(members.orgUnitId);
  const countOf = new Map(counts.map((c) => [c.orgUnitId, Number(c.n)]));

  const children = new Map<string | null, OrgUnitRow[]>();
  for (const r of rows) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
  const bySortThenName = (a: OrgUnitRow, b: OrgUnitRow) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : 1);
  const out: OrgUnitDto[] = [];
  const visit = (parentId: string | null) => {
    for (const r of (children.get(parentId) ?? []).sort(bySortThenName)) {
      out.push(toOrgUnitDto(r, countOf.get(r.id) ?? 0));
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

/** A unit of this federation, or NOT_FOUND (also for another federation's id). */
export async function findOrgUnit(ctx: ServiceCtx, id: string, opts: { lock?: boolean } = {}): Promise<OrgUnitRow> {
  const q = ctx.db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, ctx.tenantId), eq(orgUnits.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function directMemberCount(ctx: ServiceCtx, orgUnitId: string): Promise<number> {
  const [r] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), eq(members.orgUnitId, orgUnitId)));
  return Number(r?.n ?? 0);
}

const SEARCH_LIMIT = 50;

/**
 * The units of this federation whose name contains q or whose code starts with it (case-insensitive),
 * each with the names of its ancestors, at most SEARCH_LIMIT. The tenant condition is explicit and
 * row-level security applies on top, so another federation's units never match.
 */
export async function searchOrgUnits(ctx: ServiceCtx, q: string): Promise<OrgUnitSearchDto> {
  const like = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const hits = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.tenantId, ctx.tenantId), or(sql`strpos(lower(${orgUnits.name}), lower(${q})) > 0`, sql`${orgUnits.code} ilike ${`${like}%`}`)))
    .orderBy(orgUnits.name, orgUnits.id)
    .limit(SEARCH_LIMIT + 1);
  const page = hits.slice(0, SEARCH_LIMIT);
  if (!page.length) return { items: [], truncated: false };
  const all = await ctx.db.select({ id: orgUnits.id, parentId: orgUnits.parentId, name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.tenantId, ctx.tenantId));
  const byId = new Map(all.map((u) => [u.id, u]));
  const counts = await ctx.db
    .select({ orgUnitId: members.orgUnitId, n: sql<number>`count(*)::int` })
    .from(members)
    .where(and(eq(members.tenantId, ctx.tenantId), inArray(members.orgUnitId, page.map((u) => u.id))))
    .groupBy(members.orgUnitId);
  const countOf = new Map(counts.map((c) => [c.orgUnitId, Number(c.n)]));
  const ancestors = (parentId: string | null) => {
    const out: string[] = [];
    for (let u = parentId ? byId.get(parentId) : undefined; u && out.length < all.length; u = u.parentId ? byId.get(u.parentId) : undefined) out.unshift(u.name);
    return out;
  };
  return { items: page.map((r) => ({ ...toOrgUnitDto(r, countOf.get(r.id) ?? 0), path: ancestors(r.parentId) })), truncated: hits.length > SEARCH_LIMIT };
}
