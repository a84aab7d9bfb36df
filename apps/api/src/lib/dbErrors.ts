// PostgreSQL errors as both drivers report them (PGlite: code + constraint; postgres.js: code +
// constraint_name), wherever Drizzle nests them (DrizzleQueryError.cause).

export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

interface PgErrorInfo {
  code: string;
  constraint: string | null;
}

export function pgError(e: unknown): PgErrorInfo | null {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const o = cur as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) {
      const constraint = typeof o.constraint === 'string' ? o.constraint : typeof o.constraint_name === 'string' ? o.constraint_name : null;
      return { code: o.code, constraint };
    }
  }
  return null;
}

/** true when e is a violation of the given kind (and, if named, of that constraint) */
export function isViolation(e: unknown, code: string, constraint?: string): boolean {
  const info = pgError(e);
  return !!info && info.code === code && (!constraint || info.constraint === constraint);
}
