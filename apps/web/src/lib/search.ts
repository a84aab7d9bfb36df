import { isCalendarDate } from '@uc/contracts';

/**
 * Readers for a page's search params (validateSearch). A value that is missing or not what the page
 * takes reads as undefined — the page then shows its default — never an error. Plain functions
 * rather than zod schemas: the route definitions live in every page's first load, and the full zod
 * would come with them (issue 13, light pages; decisions/0030).
 */
export type Search = Record<string, unknown>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function optionalUuid(value: unknown): string | undefined {
  return isUuid(value) ? value : undefined;
}

/** A string of at most max characters (trimmed first when trim), matching pattern if given. */
export function optionalString(
  value: unknown,
  { max, min = 0, trim = false, pattern }: { max: number; min?: number; trim?: boolean; pattern?: RegExp },
): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = trim ? value.trim() : value;
  if (text.length < min || text.length > max) return undefined;
  if (pattern && !pattern.test(text)) return undefined;
  return text;
}

export function optionalEnum<const T extends string>(value: unknown, values: readonly T[]): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function optionalBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** An integer from min to max, or one of oneOf. */
export function optionalInt(value: unknown, range: { min: number; max: number } | { oneOf: readonly number[] }): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  if ('oneOf' in range) return range.oneOf.includes(value) ? value : undefined;
  return value >= range.min && value <= range.max ? value : undefined;
}

/** A calendar date written yyyy-mm-dd (2026-02-30 is not one). */
export function optionalDate(value: unknown): string | undefined {
  return typeof value === 'string' && isCalendarDate(value) ? value : undefined;
}

/** The page's params with every key optional, as links and navigate() may leave any of them out. */
export function params<T extends object>(values: T): { [K in keyof T]?: T[K] } {
  return values;
}
