import { z } from 'zod';
import { dateString, pageInput, rowVersion, trimmed, uuid } from './common.ts';
import { isValidIdNumber, isValidMobile } from './ids.ts';

export const HONOUR_KINDS = ['model_worker', 'may_day_medal', 'skilled_worker', 'frontline'] as const;
export const honourKind = z.enum(HONOUR_KINDS);

export const honourDto = z.object({
  id: z.string(),
  kind: honourKind,
  source: z.string(),
  validFrom: z.string(),
  validUntil: z.string().nullable(),
});
export const honourInput = z.object({
  kind: honourKind,
  source: trimmed(1, 100),
  validFrom: dateString,
  validUntil: dateString.nullable().optional(),
});

export const memberDto = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  /** in full for ID_NUMBER_ROLES, masked (138****8000) for every other role */
  mobile: z.string().nullable(),
  idNumberMasked: z.string(),
  /** only for ID_NUMBER_ROLES: with the masked number it is the full number */
  birthDate: z.string().nullable(),
  /** for every role */
  birthYear: z.number().int().nullable(),
  orgUnitId: z.string(),
  orgUnitName: z.string(),
  honours: z.array(honourDto),
  /** the member has activated an account (signs in by mobile) */
  hasAccount: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
});
export type MemberDto = z.infer<typeof memberDto>;

export const memberFilterInput = z.object({
  q: z.string().trim().max(50).optional(),
  orgUnitId: uuid.optional(),
  /** include members of units below orgUnitId */
  includeDescendants: z.boolean().default(true),
  honour: honourKind.optional(),
});
/** a keyset cursor (a page's first or last member), opaque to clients */
const memberCursor = z.string().min(1).max(300);
/**
 * Keyset pages ordered by name then id (docs/decisions/0025-member-lists.md): `after` a page's
 * `next` cursor gives the next page, `before` its `prev` cursor the previous one; neither, the first.
 */
export const memberListInput = memberFilterInput.extend({
  pageSize: pageInput.shape.pageSize,
  after: memberCursor.optional(),
  before: memberCursor.optional(),
});
/** totals are counted up to this many; above it the list says "10,000+" (totalCapped) */
export const MEMBER_TOTAL_CAP = 10_000;
export const memberListDto = z.object({
  items: z.array(memberDto),
  /** exact up to MEMBER_TOTAL_CAP; MEMBER_TOTAL_CAP with totalCapped above it */
  total: z.number().int(),
  totalCapped: z.boolean(),
  pageSize: z.number().int(),
  /** the cursor of the next page, null on the last */
  next: z.string().nullable(),
  /** the cursor of the previous page, null on the first */
  prev: z.string().nullable(),
});
export type MemberListDto = z.infer<typeof memberListDto>;

export const idNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isValidIdNumber, { error: 'id_number_invalid' });
export const mobileSchema = z.string().trim().refine(isValidMobile, { error: 'mobile_invalid' });

export const memberCreateInput = z.object({
  name: trimmed(1, 40),
  gender: z.enum(['male', 'female']).nullable().optional(),
  mobile: mobileSchema.nullable().optional(),
  idNumber: idNumberSchema,
  orgUnitId: uuid,
  honours: z.array(honourInput).max(20).default([]),
});
export const memberUpdateInput = z.object({
  id: uuid,
  version: rowVersion,
  name: trimmed(1, 40).optional(),
  gender: z.enum(['male', 'female']).nullable().optional(),
  mobile: mobileSchema.nullable().optional(),
  orgUnitId: uuid.optional(),
  honours: z.array(honourInput).max(20).optional(),
});

/** the ID number in full, for roles that need it; every read is audited */
export const memberIdNumberDto = z.object({ idNumber: z.string() });

export const importRowError = z.object({ row: z.number(), column: z.string(), code: z.string(), message: z.string() });
export const memberImportInput = z.object({
  /** the .xlsx file, base64 encoded */
  fileBase64: z.string().min(1).max(14_000_000),
  /** check every row and preview what would be imported, importing nothing */
  dryRun: z.boolean().default(false),
});
/** a row that would be (or was) imported, as the preview shows it */
export const importPreviewRow = z.object({ row: z.number(), name: z.string(), orgUnitPath: z.string() });
export const memberImportDto = z.object({
  ok: z.boolean(),
  imported: z.number(),
  totalRows: z.number(),
  errors: z.array(importRowError),
  /** rows left out on purpose, not errors (the template's example row) */
  skipped: z.array(importRowError).default([]),
  /** a dry run: nothing was written */
  dryRun: z.boolean().default(false),
  /** the first rows that would be imported (a dry run), at most IMPORT_PREVIEW_ROWS */
  preview: z.array(importPreviewRow).default([]),
});
export const IMPORT_PREVIEW_ROWS = 50;

/** Members chosen on the list, invited by SMS to activate an account (at most one invitation a day each). */
export const MEMBER_SMS_INVITE_MAX = 200;
export const memberSmsInviteInput = z.object({ memberIds: z.array(uuid).min(1).max(MEMBER_SMS_INVITE_MAX) });
export const memberSmsInviteDto = z.object({
  invited: z.number().int(),
  /** already have an account: nothing sent */
  alreadyActive: z.number().int(),
  /** no mobile on their record */
  noMobile: z.number().int(),
  /** invited less than a day ago */
  recentlyInvited: z.number().int(),
});
export type MemberSmsInviteDto = z.infer<typeof memberSmsInviteDto>;
export type MemberImportDto = z.infer<typeof memberImportDto>;

/** the list filters without paging: what member.exportXlsx exports */
/** an .xlsx file, base64 encoded, for the download routes */
export const memberFileDto = z.object({ filename: z.string(), base64: z.string() });
export type MemberFileDto = z.infer<typeof memberFileDto>;
