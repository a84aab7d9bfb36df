import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database or a transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = 'pglite' | 'postgres';

export type DbConfig =
  | { kind: 'pglite'; /** folder for the data; omit for an in-memory database */ dataDir?: string }
  | { kind: 'postgres'; url: string; max?: number };

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** raw SQL with positional parameters, for migrations checks, tests and benchmarks */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.kind === 'pglite') {
    const client = new PGlite(config.dataDir);
    await client.waitReady;
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      query: async <T,>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      close: () => client.close(),
    };
  }
  const client = postgres(config.url, {
    max: config.max ?? 10,
    onnotice: () => {},
    // dates without time stay strings ('YYYY-MM-DD'); bigint counts become numbers
    types: { date: { to: 1082, from: [1082], serialize: (v: string) => v, parse: (v: string) => v } },
  });
  const db = drizzlePostgres(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    query: async <T,>(text: string, params: unknown[] = []) =>
      (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    close: () => client.end({ timeout: 5 }),
  };
}
