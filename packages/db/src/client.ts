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
  | {
      kind: 'pglite';
      /** folder for the data; omit for an in-memory database */
      dataDir?: string;
      /** a data directory dumped by PGlite's dumpDataDir() to start from (tests: an already migrated database) */
      image?: Blob;
    }
  | {
      kind: 'postgres';
      url: string;
      max?: number;
      /**
       * named prepared statements (default true): each distinct statement text is parsed and
       * described once per connection, then only bound and executed (docs/decisions/0016)
       */
      prepare?: boolean;
    };

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** raw SQL with positional parameters, for migrations checks, tests and benchmarks */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export async function createDb(config: DbConfig): Promise<DbHandle> {
  if (config.kind === 'pglite') {
    const client = new PGlite({ dataDir: config.dataDir, loadDataDir: config.image });
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
  const prepare = config.prepare ?? true;
  const db = drizzlePostgres(prepare ? preparing(client) : client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    // a text with parameters is one statement: prepared like the app's; one without may hold several (migrations)
    query: async <T,>(text: string, params: unknown[] = []) =>
      (await client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: prepare && params.length > 0 })) as unknown as T[],
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * Drizzle hands postgres.js `prepare: false` unless a query is given a name, so every statement
 * costs Parse + Describe on each call. This view of the client prepares every statement (postgres.js
 * keeps one named statement per distinct text on each connection), in transactions and savepoints too.
 */
function preparing(client: postgres.Sql): postgres.Sql {
  type Fn = (...args: unknown[]) => unknown;
  const wrapScope = (fn: unknown) => (inner: postgres.Sql) => (fn as Fn)(preparing(inner));
  return new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'unsafe') return (text: string, params?: unknown[], opts?: object) => target.unsafe(text, params as never, { ...opts, prepare: true });
      if (key === 'begin' || key === 'savepoint') {
        // begin(fn) or begin(options, fn)
        return (...args: unknown[]) => {
          const last = args.length - 1;
          args[last] = wrapScope(args[last]);
          return ((target as unknown as Record<string, Fn>)[key] as Fn).apply(target, args);
        };
      }
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function' ? (value as Fn).bind(target) : value;
    },
  });
}
