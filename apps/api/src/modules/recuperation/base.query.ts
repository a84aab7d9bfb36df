import type { BaseDto } from '@uc/contracts';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { findBasesByHost, findFederationNames } from './recuperation.repo.ts';
import { today } from './recuperation.rules.ts';
import type { BaseRow } from './recuperation.types.ts';

// Certified recuperation bases (疗休养基地) of the host federation. Photos are URLs: the platform
// keeps no image files (a base's photos already live on its own or the federation's site).

export function toBaseDto(r: BaseRow, hostSlug: string, day: string): BaseDto {
  return {
    id: r.id,
    hostSlug,
    name: r.name,
    city: r.city,
    address: r.address,
    description: r.description,
    photos: r.photos,
    facilities: r.facilities,
    certificationLevel: r.certificationLevel as BaseDto['certificationLevel'],
    certifiedFrom: r.certifiedFrom,
    certifiedUntil: r.certifiedUntil,
    certified: r.certifiedFrom <= day && day <= r.certifiedUntil,
    active: r.active,
    rowVersion: r.rowVersion,
  };
}

/** Bases of a host visible to the caller (its own, or a partner's under an active agreement). */
export async function basesOf(ctx: ServiceCtx, hostTenantId: string, ids?: string[]): Promise<BaseDto[]> {
  const rows = await findBasesByHost(ctx, hostTenantId, ids);
  const slug = (await findFederationNames(ctx, [hostTenantId])).get(hostTenantId)?.slug ?? '';
  return rows.map((r) => toBaseDto(r, slug, today(ctx)));
}

export const listBases = (ctx: ServiceCtx) => basesOf(ctx, ctx.tenantId);

export async function getBase(ctx: ServiceCtx, id: string): Promise<BaseDto> {
  const [dto] = await basesOf(ctx, ctx.tenantId, [id]);
  if (!dto) throw new AppError('NOT_FOUND');
  return dto;
}
