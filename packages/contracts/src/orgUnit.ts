import { z } from 'zod';
import { rowVersion, trimmed, uuid } from './common.ts';

export const ORG_UNIT_KINDS = ['city', 'district', 'industry', 'street', 'grassroots'] as const;
export const orgUnitKind = z.enum(ORG_UNIT_KINDS);

export const orgUnitDto = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  /** the office's own code for the unit, unique in the federation (a roster sheet may name a unit by it) */
  code: z.string().nullable(),
  kind: orgUnitKind,
  sortOrder: z.number(),
  version: z.number(),
  memberCount: z.number(),
});
export type OrgUnitDto = z.infer<typeof orgUnitDto>;

/** letters, digits, - and _ (what an office types in Excel without a second thought), kept upper-case */
export const orgUnitCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: 'org_unit_code_invalid' }).toUpperCase();

export const orgUnitCreateInput = z.object({
  parentId: uuid,
  name: trimmed(1, 80),
  kind: orgUnitKind,
  code: orgUnitCode.optional(),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const orgUnitUpdateInput = z.object({
  id: uuid,
  version: rowVersion,
  name: trimmed(1, 80).optional(),
  kind: orgUnitKind.optional(),
  /** null clears the code */
  code: orgUnitCode.nullable().optional(),
  parentId: uuid.optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
});
export const byId = z.object({ id: uuid });

/** a search of the tree by name or code: the matching units with the names of their ancestors */
export const orgUnitSearchInput = z.object({ q: trimmed(1, 80) });
export const orgUnitSearchHit = orgUnitDto.extend({ path: z.array(z.string()) });
export const orgUnitSearchDto = z.object({ items: z.array(orgUnitSearchHit), truncated: z.boolean() });
export type OrgUnitSearchDto = z.infer<typeof orgUnitSearchDto>;
