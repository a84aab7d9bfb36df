import type { RouteDto, routeInput, routeUpdateInput } from '@uc/contracts';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/index.ts';
import { getRoute } from './route.query.ts';
import { findBaseIdsOfHost, insertRoute, replaceRouteBases, updateRouteAtVersion } from './recuperation.repo.ts';

// The host creates and edits its routes and the bases they visit.

/** The bases must be the host's own; an unknown id is a bad input, not a lookup of someone else's. */
async function setBases(ctx: ServiceCtx, routeId: string, baseIds: string[]) {
  const unique = [...new Set(baseIds)];
  const found = await findBaseIdsOfHost(ctx, unique);
  if (found.length !== unique.length) throw new AppError('BAD_INPUT', { fields: { baseIds: 'invalid_value' } });
  await replaceRouteBases(ctx, routeId, unique);
}

export async function createRoute(ctx: ServiceCtx, input: z.infer<typeof routeInput>): Promise<RouteDto> {
  const { baseIds, ...fields } = input;
  const row = await insertRoute(ctx, fields);
  await setBases(ctx, row.id, baseIds);
  await recordAudit(ctx, { type: 'recuperation.route_saved', entityType: 'recuperation_route', entityId: row.id, data: { title: row.title, created: true } });
  return getRoute(ctx, row.id);
}

export async function updateRoute(ctx: ServiceCtx, input: z.infer<typeof routeUpdateInput>): Promise<RouteDto> {
  const { id, rowVersion, baseIds, ...fields } = input;
  const row = await updateRouteAtVersion(ctx, id, rowVersion, fields);
  if (!row) {
    await getRoute(ctx, id);
    throw new AppError('STALE_VERSION');
  }
  await setBases(ctx, id, baseIds);
  await recordAudit(ctx, { type: 'recuperation.route_saved', entityType: 'recuperation_route', entityId: id, data: { title: row.title, created: false } });
  return getRoute(ctx, id);
}
