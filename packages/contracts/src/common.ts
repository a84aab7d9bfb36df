import { z } from 'zod';

export const uuid = z.uuid();

/** true for a real calendar date YYYY-MM-DD between 1900 and 2199 (no 2026-02-30, month 13 or year 0000) */
export function isCalendarDate(v: string): boolean {
  if (!/^(19|20|21)\d{2}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
/** a calendar date without time, as Chinese offices write it in ISO form; impossible dates are refused */
export const dateString = z.string().refine(isCalendarDate, { error: 'date' });

/** Text PostgreSQL can store and compare: no NUL character, no unpaired UTF-16 surrogate. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
export const isStorableText = (v: string) => !UNSTORABLE.test(v);
/**
 * The path of the first string (or object key) anywhere in a raw input that PostgreSQL cannot
 * store or compare, or null. The API checks every procedure's raw input with it before its zod
 * schema runs (trpc.ts), so a field declared with a bare z.string() is covered too.
 */
export function unstorableTextPath(v: unknown, path: (string | number)[] = [], depth = 0): (string | number)[] | null {
  if (typeof v === 'string') return isStorableText(v) ? null : path;
  if (!v || typeof v !== 'object' || depth > 32) return null;
  for (const [k, x] of Object.entries(v)) {
    const here = [...path, Array.isArray(v) ? Number(k) : k];
    if (!isStorableText(k)) return here;
    const bad = unstorableTextPath(x, here, depth + 1);
    if (bad) return bad;
  }
  return null;
}
/** A plain string field (not trimmed): refuses NUL and lone surrogates. Use instead of z.string(). */
export const safeText = (max: number) => z.string().max(max).refine(isStorableText, { error: 'text_invalid_char' });

/** integers that fit the int4 columns they are stored in */
export const INT4_MAX = 2_147_483_647;
export const int32 = z.number().int().min(-INT4_MAX - 1).max(INT4_MAX);
/** an optimistic-concurrency version as sent back by clients */
export const rowVersion = z.number().int().min(0).max(INT4_MAX);
/** money in integer fen (分), never negative, within a bigint-safe JS range */
export const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
/** an instant as a UTC ISO string; shown in Asia/Shanghai */
export const instantString = z.string();
export const localeSchema = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const STAFF_ROLES = ['admin', 'signatory', 'lead', 'officer', 'judge', 'caseworker'] as const;
export const staffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRole>;
export const ROLES = [...STAFF_ROLES, 'member'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

/**
 * The roles whose work needs a member's full ID number (member.revealIdNumber). Only they see
 * what would rebuild it — the birth date (the 8 masked digits) — and a member's full mobile;
 * every other role sees the birth year and a masked mobile (decisions/0015-hardening.md).
 */
export const ID_NUMBER_ROLES = ['admin', 'officer', 'caseworker'] as const satisfies readonly Role[];
export const maySeeIdentity = (roles: readonly Role[]) => roles.some((r) => (ID_NUMBER_ROLES as readonly Role[]).includes(r));

export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const trimmed = (min: number, max: number) =>
  z.string().trim().min(min).max(max).refine(isStorableText, { error: 'text_invalid_char' });

/** An .xlsx list uploaded for an all-or-nothing import (base64), or only checked and previewed (dryRun). */
export const xlsxUploadInput = z.object({
  /** the .xlsx file, base64 encoded */
  fileBase64: z.string().min(1).max(14_000_000),
  /** check every row and preview what would be imported, importing nothing */
  dryRun: z.boolean().default(false),
});
/** The answer of an all-or-nothing row import: every problem by row and column, or what was (or would be) imported. */
export const rowImportDto = z.object({
  ok: z.boolean(),
  imported: z.number().int(),
  totalRows: z.number().int(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), code: z.string(), message: z.string() })),
  dryRun: z.boolean(),
  /** the rows that would be (or were) imported: at most 50 */
  preview: z.array(z.object({ row: z.number(), name: z.string(), detail: z.string() })),
});
export type RowImportDto = z.infer<typeof rowImportDto>;

/** The key a form sends once per opening (docs/decisions/0022-request-once.md): a repeat with it gets the first answer. */
export const requestKey = z.string().min(8).max(100);
export const onceInput = z.object({ idempotencyKey: requestKey.optional() });
/** Mutations a double click could turn into two rows: each takes onceInput (a router-walking test checks). */
export const CREATE_LIKE = /^(create|add[A-Z]\w*|comment|post|upload|invite|import|importWorkPlan|nominate|nominateXlsx|refer|recordConsent)$/;
export const isCreateLike = (path: string) => CREATE_LIKE.test(path.slice(path.lastIndexOf('.') + 1));

// ---- a member's own request their HOME federation decides (docs/decisions/0033, 0051) -------------
// One shape for contest applications and programme registrations that need approval: the member
// applies, their federation's staff approve (the place is then claimed as any registration's) or
// refuse with a reason the member is told, and the member may withdraw it while it waits.

export const APPLICATION_STATUSES = ['applied', 'approved', 'refused', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const homeDecisionInput = z
  .object({ id: uuid, decision: z.enum(['approve', 'refuse']), reason: safeText(500).default('') })
  .refine((d) => d.decision === 'approve' || d.reason.trim().length >= 2, { error: 'reason_required', path: ['reason'] });
