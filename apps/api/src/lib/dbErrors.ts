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

/** SQLSTATEs of a database that is away: connection exceptions, shut down by an administrator or a crash, starting up */
const UNAVAILABLE_STATES = /^(08...|57P01|57P02|57P03|53300)$/;
/** driver and socket codes of a connection that failed or broke (postgres.js, node:net) */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT']);

/**
 * true when e (anywhere in its cause chain) says the database is away rather than that the
 * query was wrong: the API answers 503 with Retry-After for these (decisions/0015), never 500.
 */
export function isDbUnavailable(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && typeof cur === 'object' && depth < 6; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
    const errors = (cur as { errors?: unknown }).errors; // AggregateError of a refused dual-stack connect
    if (Array.isArray(errors) && errors.some((x) => isDbUnavailable(x))) return true;
  }
  return false;
}

/** seconds a client should wait before retrying while the database is away */
export const RETRY_AFTER_SECONDS = 5;
