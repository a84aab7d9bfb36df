import { z } from 'zod';
import { rowVersion, trimmed, uuid } from './common.ts';

export const ORG_UNIT_KINDS = ['city', 'district', 'industry', 'street', 'grassroots'] as const;
export const orgUnitKind = z.enum(ORG_UNIT_KINDS);

export const orgUnitDto = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  kind: orgUnitKind,
  sortOrder: z.number(),
  version: z.number(),
  memberCount: z.number(),
});
export type OrgUnitDto = z.infer<typeof orgUnitDto>;

export const orgUnitCreateInput = z.object({
  parentId: uuid,
  name: trimmed(1, 80),
  kind: orgUnitKind,
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const orgUnitUpdateInput = z.object({
  id: uuid,
  version: rowVersion,
  name: trimmed(1, 80).optional(),
  kind: orgUnitKind.optional(),
  parentId: uuid.optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export const byId = z.object({ id: uuid });
