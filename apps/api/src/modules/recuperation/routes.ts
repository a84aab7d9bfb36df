import type { RouteDto, routeInput, routeUpdateInput } from '@uc/contracts';
import { recuperationBases, recuperationRouteBases, recuperationRoutes } from '@uc/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { federationNames } from './recuperation.common.ts';

// Routes (线路): which bases, how many days, the itinerary and the price per person per day (fen).

type RouteRow = typeof recuperationRoutes.$inferSelect;

/** Routes of a host by id (all when ids is omitted), with their bases in order. */
export async function routesOf(ctx: ServiceCtx, hostTenantId: string, ids?: string[]): Promise<RouteDto[]> {
  const where = [eq(recuperationRoutes.tenantId, hostTenantId)];
  if (ids) where.push(inArray(recuperationRoutes.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']));
  const rows = await ctx.db.select().from(recuperationRoutes).where(and(...where)).orderBy(asc(recuperationRoutes.title));
  if (!rows.length) return [];
  const links = await ctx.db
    .select({ routeId: recuperationRouteBases.routeId, id: recuperationBases.id, name: recuperationBases.name, city: recuperationBases.city, position: recuperationRouteBases.position })
    .from(recuperationRouteBases)
    .innerJoin(recuperationBases, and(eq(recuperationBases.tenantId, recuperationRouteBases.tenantId), eq(recuperationBases.id, recuperationRouteBases.baseId)))
    .where(and(eq(recuperationRouteBases.tenantId, hostTenantId), inArray(recuperationRouteBases.routeId, rows.map((r) => r.id))))
    .orderBy(asc(recuperationRouteBases.position));
  const slug = (await federationNames(ctx, [hostTenantId])).get(hostTenantId)?.slug ?? '';
  return rows.map((r) => toRouteDto(r, slug, links.filter((l) => l.routeId === r.id).map(({ id, name, city }) => ({ id, name, city }))));
}

function toRouteDto(r: RouteRow, hostSlug: string, bases: RouteDto['bases']): RouteDto {
  return {
    id: r.id,
    hostSlug,
    title: r.title,
    description: r.description,
    bases,
    days: r.days,
    itinerary: r.itinerary,
    pricePerDayFen: r.pricePerDayFen,
    active: r.active,
    rowVersion: r.rowVersion,
  };
}

export const listRoutes = (ctx: ServiceCtx) => routesOf(ctx, ctx.tenantId);

export async function getRoute(ctx: ServiceCtx, id: string): Promise<RouteDto> {
  const [dto] = await routesOf(ctx, ctx.tenantId, [id]);
  if (!dto) throw new AppError('NOT_FOUND');
  return dto;
}

/** The bases must be the host's own; an unknown id is a bad input, not a lookup of someone else's. */
async function setBases(ctx: ServiceCtx, routeId: string, baseIds: string[]) {
  const unique = [...new Set(baseIds)];
  const found = await ctx.db
    .select({ id: recuperationBases.id })
    .from(recuperationBases)
    .where(and(eq(recuperationBases.tenantId, ctx.tenantId), inArray(recuperationBases.id, unique)));
  if (found.length !== unique.length) throw new AppError('BAD_INPUT', { fields: { baseIds: 'invalid_value' } });
  await ctx.db.delete(recuperationRouteBases).where(and(eq(recuperationRouteBases.tenantId, ctx.tenantId), eq(recuperationRouteBases.routeId, routeId)));
  await ctx.db.insert(recuperationRouteBases).values(unique.map((baseId, position) => ({ tenantId: ctx.tenantId, routeId, baseId, position })));
}

export async function createRoute(ctx: ServiceCtx, input: z.infer<typeof routeInput>): Promise<RouteDto> {
  const { baseIds, ...fields } = input;
  const [row] = await ctx.db.insert(recuperationRoutes).values({ tenantId: ctx.tenantId, ...fields }).returning();
  await setBases(ctx, row!.id, baseIds);
  await recordAudit(ctx, { type: 'recuperation.route_saved', entityType: 'recuperation_route', entityId: row!.id, data: { title: row!.title, created: true } });
  return getRoute(ctx, row!.id);
}

export async function updateRoute(ctx: ServiceCtx, input: z.infer<typeof routeUpdateInput>): Promise<RouteDto> {
  const { id, rowVersion, baseIds, ...fields } = input;
  const [row] = await ctx.db
    .update(recuperationRoutes)
    .set({ ...fields, rowVersion: rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(recuperationRoutes.tenantId, ctx.tenantId), eq(recuperationRoutes.id, id), eq(recuperationRoutes.rowVersion, rowVersion)))
    .returning();
  if (!row) {
    await getRoute(ctx, id);
    throw new AppError('STALE_VERSION');
  }
  await setBases(ctx, id, baseIds);
  await recordAudit(ctx, { type: 'recuperation.route_saved', entityType: 'recuperation_route', entityId: id, data: { title: row.title, created: false } });
  return getRoute(ctx, id);
}
