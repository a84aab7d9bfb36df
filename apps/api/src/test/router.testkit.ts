import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../errors.ts';
import { appRouter } from '../router.ts';
import type { Caller } from './caller.ts';

// The root router as data, for suites that must cover every procedure without a list of them
// (cross-tenant matrix, fuzz): procedures are discovered from appRouter._def.procedures, so one
// added tomorrow is covered the day it is added. Inputs are built from each procedure's zod
// schema by walking its definition (zod 4 `_zod.def`).

export interface Proc {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  input: z.ZodType | undefined;
}

interface ProcDef {
  _def: { type: Proc['type']; inputs: z.ZodType[] };
}

/** a valid input for the procedure with its id fields from opts.id (optional ones too where the schema allows), or null */
export function validInput(p: Proc, opts: SampleOpts = {}): { value: unknown } | null {
  if (!p.input) return { value: undefined };
  const value = sample(p.input, { ...opts, optionalIds: true });
  if (p.input.safeParse(value).success) return { value };
  // cross-field rules (one of two ids, an id only with a scope): try each optional id alone, then none
  if (value && typeof value === 'object') {
    const optional = Object.keys(value).filter((k) => !(p.input as z.ZodType).safeParse({ ...value, [k]: undefined }).error?.issues.some((i) => i.path[0] === k));
    const bare = Object.fromEntries(Object.entries(value).filter(([k]) => !optional.includes(k)));
    for (const k of [...optional, null]) {
      const v = k ? { ...bare, [k]: (value as Record<string, unknown>)[k] } : bare;
      if (p.input.safeParse(v).success) return { value: v };
      // and with each enum value of the other fields (scope: 'agreement' | 'federation')
      for (const [ek, es] of Object.entries(defOf(innerObject(p.input)).shape as Record<string, z.ZodType>)) {
        const d = defOf(es);
        const entries = d.type === 'enum' ? Object.values(d.entries as object) : d.type === 'default' && defOf(d.innerType).type === 'enum' ? Object.values(defOf(d.innerType).entries as object) : [];
        for (const e of entries) if (p.input.safeParse({ ...v, [ek]: e }).success) return { value: { ...v, [ek]: e } };
      }
    }
  }
  return null;
}

function innerObject(s: z.ZodType): z.ZodType {
  let d = defOf(s);
  while (d.type !== 'object' && (d.innerType || d.in)) {
    s = (d.innerType ?? d.in) as z.ZodType;
    d = defOf(s);
  }
  return d.type === 'object' ? s : ({ _zod: { def: { type: 'object', shape: {} } } } as unknown as z.ZodType);
}

/** every procedure of the root router, by dotted path */
export function procedures(): Proc[] {
  const all = (appRouter._def as unknown as { procedures: Record<string, ProcDef> }).procedures;
  return Object.entries(all)
    .map(([path, p]) => ({ path, type: p._def.type, input: p._def.inputs[0] }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export interface Answer {
  ok: boolean;
  /** the AppError code the client sees (error.data.code), or 'OK' */
  code: string;
  /** what a client would see: the data, or the error's message and data */
  text: string;
  data?: unknown;
}

/** calls a procedure by its path as the caller, and answers what a client would see */
export async function call(caller: Caller, path: string, input: unknown): Promise<Answer> {
  let fn: unknown = caller;
  for (const part of path.split('.')) fn = (fn as Record<string, unknown>)[part];
  try {
    const data = await (fn as (i: unknown) => Promise<unknown>)(input);
    return { ok: true, code: 'OK', text: JSON.stringify(data) ?? '', data };
  } catch (e) {
    const err = e as { message?: string; code?: string; cause?: { code?: string; details?: unknown }; shape?: unknown };
    // an AppError's code as the client sees it; anything else unexpected is INTERNAL (a 500)
    const code = e instanceof Error && err.cause instanceof AppError ? err.cause.code : err.code === 'INTERNAL_SERVER_ERROR' ? 'INTERNAL' : (err.code ?? 'UNKNOWN');
    return { ok: false, code: String(code), text: `${err.message ?? ''} ${JSON.stringify(err.cause?.details ?? null)}` };
  }
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;
const checksOf = (d: Def): Def[] => ((d.checks as { _zod: { def: Def } }[] | undefined) ?? []).map((c) => c._zod.def);

/** does the schema (anywhere inside) take a uuid? */
export function takesId(schema: z.ZodType | undefined): boolean {
  let found = false;
  walk(schema, (d) => {
    if (d.type === 'string' && d.format === 'uuid') found = true;
  });
  return found;
}

function walk(schema: unknown, visit: (d: Def) => void, depth = 0): void {
  if (!schema || depth > 12) return;
  const d = defOf(schema);
  visit(d);
  for (const k of ['innerType', 'in', 'out', 'element', 'left', 'right', 'valueType']) if (d[k]) walk(d[k], visit, depth + 1);
  if (d.shape) for (const v of Object.values(d.shape as object)) walk(v, visit, depth + 1);
  if (Array.isArray(d.options)) for (const o of d.options) walk(o, visit, depth + 1);
  if (Array.isArray(d.items)) for (const o of d.items) walk(o, visit, depth + 1);
  if (d.type === 'lazy') walk((d.getter as () => unknown)(), visit, depth + 1);
}

const ID_NUMBER = '11010519491231002X';
/** values a string field of any of our schemas accepts, tried in order */
const STRING_CANDIDATES = ['测试文本', '2027-03-01', '2027-03-01T02:00:00.000Z', '13800138000', ID_NUMBER, 'x@example.test', 'https://example.org/a.jpg', '09:00', 'a', '1', 'abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEFGHIJKL', '0'.repeat(64)];
/** a field that ends a range (endsAt, validUntil) takes a later date, so a schema that checks the order accepts it */
const candidatesFor = (key: string) =>
  /end|until/i.test(key) ? STRING_CANDIDATES.map((c) => c.replace('2027-03-01', '2027-03-09')) : STRING_CANDIDATES;

export interface SampleOpts {
  /** the id to put in a uuid field (by its key), default a random uuid */
  id?: (key: string) => string;
  /** fill optional fields that take an id too (the cross-tenant matrix wants every id field) */
  optionalIds?: boolean;
  /** fill every optional field (the fuzz wants every field to aim at) */
  allOptional?: boolean;
  /** values for string fields by key (e.g. the caller's password for a password-confirmed step) */
  strings?: Record<string, string>;
}

/**
 * A value the schema accepts, as small as it allows: every required field filled, optional ones
 * left out, strings from STRING_CANDIDATES (the first the field's own schema parses), uuids from
 * opts.id. Not every schema can be satisfied this way (cross-field refinements); callers check.
 */
export function sample(schema: z.ZodType | undefined, opts: SampleOpts = {}, key = '', depth = 0): unknown {
  if (!schema || depth > 10) return undefined;
  const d = defOf(schema);
  const id = opts.id ?? (() => randomUUID());
  switch (d.type) {
    case 'optional':
      return opts.allOptional || (opts.optionalIds && takesId(d.innerType as z.ZodType)) ? sample(d.innerType as z.ZodType, opts, key, depth + 1) : undefined;
    case 'default':
    case 'prefault':
    case 'nullable':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return sample(d.innerType as z.ZodType, opts, key, depth + 1);
    case 'pipe': {
      const v = sample(d.in as z.ZodType, opts, key, depth + 1);
      if (typeof v !== 'string' || (schema as z.ZodType).safeParse(v).success) return v;
      return candidatesFor(key).find((c) => (schema as z.ZodType).safeParse(c).success) ?? v;
    }
    case 'lazy':
      return sample((d.getter as () => z.ZodType)(), opts, key, depth + 1);
    case 'string': {
      if (d.format === 'uuid') return id(key);
      if (opts.strings?.[key] !== undefined) return opts.strings[key];
      const s = schema as z.ZodType;
      const ok = candidatesFor(key).find((c) => s.safeParse(c).success);
      if (ok) return ok;
      const min = checksOf(d).find((c) => c.check === 'min_length' || c.check === 'length_equals');
      return 'a'.repeat(Number(min?.minimum ?? min?.length ?? 1));
    }
    case 'number':
    case 'int': {
      const s = schema as z.ZodType;
      return [1, 0, 2027, 100, 10_000, -1].find((n) => s.safeParse(n).success) ?? 1;
    }
    case 'bigint':
      return 1n;
    case 'boolean':
      return true;
    case 'date':
      return new Date('2027-03-01T02:00:00Z');
    case 'enum':
      return Object.values(d.entries as object)[0];
    case 'literal':
      return (d.values as unknown[])[0];
    case 'null':
      return null;
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) {
        const x = sample(v, opts, k, depth + 1);
        if (x !== undefined) out[k] = x;
      }
      return out;
    }
    case 'array': {
      const min = checksOf(d).find((c) => c.check === 'min_length' || c.check === 'length_equals');
      const n = Number(min?.minimum ?? min?.length ?? 0);
      return Array.from({ length: n }, () => sample(d.element as z.ZodType, opts, key, depth + 1));
    }
    case 'tuple':
      return (d.items as z.ZodType[]).map((i) => sample(i, opts, key, depth + 1));
    case 'union':
      for (const o of d.options as z.ZodType[]) {
        const v = sample(o, opts, key, depth + 1);
        if (o.safeParse(v).success) return v;
      }
      return sample((d.options as z.ZodType[])[0], opts, key, depth + 1);
    case 'intersection':
      return { ...(sample(d.left as z.ZodType, opts, key, depth + 1) as object), ...(sample(d.right as z.ZodType, opts, key, depth + 1) as object) };
    case 'record':
      return {};
    default:
      return undefined;
  }
}
