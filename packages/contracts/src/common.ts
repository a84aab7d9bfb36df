import { z } from 'zod';

export const uuid = z.uuid();
/** a calendar date without time, as Chinese offices write it in ISO form */
export const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date' });
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

export const pageInput = z.object({
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});
export const paged = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const trimmed = (min: number, max: number) => z.string().trim().min(min).max(max);
