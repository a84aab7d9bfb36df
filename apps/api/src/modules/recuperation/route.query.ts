import type { RouteDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findFederationNames, findRouteBasesByRoutes, findRoutesByHost } from './recuperation.repo.ts';
import type { RouteRow } from './recuperation.types.ts';

// Routes (线路): which bases, how many days, the itinerary and the price per person per day (fen).

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

/** Routes of a host by id (all when ids is omitted), with their bases in order. */
export async function routesOf(ctx: ServiceCtx, hostTenantId: string, ids?: string[]): Promise<RouteDto[]> {
  const rows = await findRoutesByHost(ctx, hostTenantId, ids);
  if (!rows.length) return [];
  const links = await findRouteBasesByRoutes(ctx, hostTenantId, rows.map((r) => r.id));
  const slug = (await findFederationNames(ctx, [hostTenantId])).get(hostTenantId)?.slug ?? '';
  return rows.map((r) => toRouteDto(r, slug, links.filter((l) => l.routeId === r.id).map(({ id, name, city }) => ({ id, name, city }))));
}

export const listRoutes = (ctx: ServiceCtx) => routesOf(ctx, ctx.tenantId);

export async function getRoute(ctx: ServiceCtx, id: string): Promise<RouteDto> {
  const [dto] = await routesOf(ctx, ctx.tenantId, [id]);
  if (!dto) throw new AppError('NOT_FOUND');
  return dto;
}
