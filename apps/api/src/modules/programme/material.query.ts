import { STAFF_ROLES, type MaterialDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import { fileAnswer } from '../../lib/fileStore.ts';
import { hasRole, type ServiceCtx } from '../../service.ts';
import { findMaterialFile, findMaterialsOfEvent, memberRegisteredFor, type MaterialMeta } from './material.repo.ts';
import { nameOf } from './programme.dto.ts';
import { findEvent, findFederationNames } from './programme.repo.ts';
import type { EventRow } from './programme.types.ts';

// An event's materials (资料, decision 0053): the staff of both parties read them once they see the
// event (the co-host once it is published); a member only for an event they hold a seat at
// (registered at one of its sessions); anyone else is told NOT_FOUND, like a missing id.

export const materialUrl = (id: string) => `/api/programme/materials/${id}`;

export function toMaterialDto(m: MaterialMeta, names: Awaited<ReturnType<typeof findFederationNames>>, locale: string): MaterialDto {
  return {
    id: m.id,
    eventId: m.eventId,
    filename: m.filename,
    contentType: m.contentType as MaterialDto['contentType'],
    size: m.size,
    party: nameOf(names, m.partyTenantId, locale),
    createdAt: m.createdAt.toISOString(),
    url: materialUrl(m.id),
  };
}

/** the event if the caller may read its materials, else NOT_FOUND */
export async function eventForMaterials(ctx: ServiceCtx, eventId: string): Promise<EventRow> {
  const e = await findEvent(ctx, eventId);
  if (!e || (e.tenantId !== ctx.tenantId && e.partnerTenantId !== ctx.tenantId)) throw new AppError('NOT_FOUND');
  if (hasRole(ctx.actor, ...STAFF_ROLES)) return e;
  if (ctx.actor.memberId && (await memberRegisteredFor(ctx, ctx.actor.memberId, e))) return e;
  throw new AppError('NOT_FOUND');
}

export async function listMaterials(ctx: ServiceCtx, eventId: string): Promise<MaterialDto[]> {
  const e = await eventForMaterials(ctx, eventId);
  const rows = await findMaterialsOfEvent(ctx, e);
  const names = await findFederationNames(ctx, rows.map((m) => m.partyTenantId));
  return rows.map((m) => toMaterialDto(m, names, ctx.locale));
}

export async function materialFile(ctx: ServiceCtx, id: string) {
  const row = await findMaterialFile(ctx, id);
  if (!row) throw new AppError('NOT_FOUND');
  await eventForMaterials(ctx, row.eventId);
  return fileAnswer(row);
}
