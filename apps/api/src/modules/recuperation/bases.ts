import type { baseCreateInput, BaseDto, baseUpdateInput } from '@uc/contracts';
import { recuperationBases } from '@uc/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import type { ServiceCtx } from '../../service.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { federationNames, today } from './recuperation.common.ts';

// Certified recuperation bases (疗休养基地) of the host federation. Photos are URLs: the platform
// keeps no image files (a base's photos already live on its own or the federation's site).

type BaseRow = typeof recuperationBases.$inferSelect;

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
  const where = [eq(recuperationBases.tenantId, hostTenantId)];
  if (ids) where.push(inArray(recuperationBases.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000']));
  const rows = await ctx.db.select().from(recuperationBases).where(and(...where)).orderBy(asc(recuperationBases.name));
  const slug = (await federationNames(ctx, [hostTenantId])).get(hostTenantId)?.slug ?? '';
  return rows.map((r) => toBaseDto(r, slug, today(ctx)));
}

export const listBases = (ctx: ServiceCtx) => basesOf(ctx, ctx.tenantId);

export async function getBase(ctx: ServiceCtx, id: string): Promise<BaseDto> {
  const [dto] = await basesOf(ctx, ctx.tenantId, [id]);
  if (!dto) throw new AppError('NOT_FOUND');
  return dto;
}

export async function createBase(ctx: ServiceCtx, input: z.infer<typeof baseCreateInput>): Promise<BaseDto> {
  const [row] = await ctx.db.insert(recuperationBases).values({ tenantId: ctx.tenantId, ...input }).returning();
  await recordAudit(ctx, { type: 'recuperation.base_saved', entityType: 'recuperation_base', entityId: row!.id, data: { name: row!.name, created: true } });
  return getBase(ctx, row!.id);
}

export async function updateBase(ctx: ServiceCtx, input: z.infer<typeof baseUpdateInput>): Promise<BaseDto> {
  const { id, rowVersion, ...fields } = input;
  if (fields.certifiedFrom > fields.certifiedUntil) throw new AppError('BAD_INPUT', { fields: { certifiedUntil: 'term_order' } });
  const [row] = await ctx.db
    .update(recuperationBases)
    .set({ ...fields, rowVersion: rowVersion + 1, updatedAt: ctx.now })
    .where(and(eq(recuperationBases.tenantId, ctx.tenantId), eq(recuperationBases.id, id), eq(recuperationBases.rowVersion, rowVersion)))
    .returning();
  if (!row) {
    await getBase(ctx, id);
    throw new AppError('STALE_VERSION');
  }
  await recordAudit(ctx, { type: 'recuperation.base_saved', entityType: 'recuperation_base', entityId: id, data: { name: row.name, created: false } });
  return getBase(ctx, id);
}
