import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ROLE, createDb, runMigrations, type DbHandle } from '@uc/db';
import { withDatabase, withUser } from '@uc/db/testing';
import { assertSafeRole } from '../../bootstrap.ts';
import { loadEnv, type Env } from '../../env.ts';
import { createApp, listen } from '../../http/server.ts';
import { hashPassword } from '../../modules/auth/index.ts';

// What every benchmark needs: a fresh database on a real PostgreSQL server (migrated as the
// owner, dropped at the end), the real API server in this process connected as the app role,
// a signed-in staff user, and a raw SQL connection as the same app role for the baseline.
// Benchmarks are scripts, not application code: they read process.env directly.

export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The server to benchmark on: DATABASE_URL, else TEST_DATABASE_URL, else the local default. Needs a role that may create databases. */
export function benchServerUrl(): string {
  return process.env.DATABASE_URL || process.env.TEST_DATABASE_URL || DEFAULT_SERVER_URL;
}

/** The app role's password when the server does not trust local connections. */
const appPassword = () => process.env.BENCH_APP_PASSWORD ?? '';

/** Raw SQL with positional parameters ($1, $2 …), on one connection. */
export type Query = DbHandle['query'];

/**
 * A single-connection raw SQL session (the same postgres.js driver the API uses). With one
 * connection, BEGIN … COMMIT sent as plain statements form one transaction.
 */
export interface RawSql {
  query: Query;
  /** fn in one transaction with app.tenant_id set for that transaction only, as withTenant does */
  tenant<T>(tenantId: string, fn: (q: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function rawSql(url: string): Promise<RawSql> {
  const h = await createDb({ kind: 'postgres', url, max: 1 });
  const tx = async <T>(fn: () => Promise<T>): Promise<T> => {
    await h.query('begin');
    try {
      const out = await fn();
      await h.query('commit');
      return out;
    } catch (e) {
      await h.query('rollback');
      throw e;
    }
  };
  return {
    query: h.query,
    tenant: (tenantId, fn) =>
      tx(async () => {
        await h.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
        return fn(h.query);
      }),
    close: () => h.close(),
  };
}

export interface BenchDb {
  name: string;
  /** raw SQL as the owner, for loading data (RLS is forced: set app.tenant_id when writing tenant rows) */
  owner: RawSql;
  /** connection string of the app role on the bench database */
  appUrl: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(serverUrl = benchServerUrl()): Promise<BenchDb> {
  const name = `uc_bench_${randomBytes(5).toString('hex')}`;
  const admin = await createDb({ kind: 'postgres', url: serverUrl, max: 1 });
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.close();
  }
  const ownerUrl = withDatabase(serverUrl, name);
  const migrator = await createDb({ kind: 'postgres', url: ownerUrl, max: 1 });
  try {
    await runMigrations(migrator);
  } finally {
    await migrator.close();
  }
  const app = new URL(withUser(ownerUrl, APP_ROLE));
  if (appPassword()) app.password = appPassword();
  const owner = await rawSql(ownerUrl);
  return {
    name,
    owner,
    appUrl: app.toString(),
    drop: async () => {
      await owner.close();
      const a = await createDb({ kind: 'postgres', url: serverUrl, max: 1 });
      try {
        await a.query(`drop database if exists ${name} with (force)`);
      } finally {
        await a.close();
      }
    },
  };
}

export interface BenchApi {
  url: string;
  env: Env;
  handle: DbHandle;
  close(): Promise<void>;
}

/** The real HTTP server (createApp + listen on a random port), connected as the app role exactly as in production. */
export async function startBenchApi(appUrl: string): Promise<BenchApi> {
  const env = loadEnv({
    NODE_ENV: 'production',
    DATABASE_URL: appUrl,
    MEMBER_ID_KEY: randomBytes(32).toString('base64'),
    AUDIT_KEY: randomBytes(32).toString('base64'),
    PUBLIC_URL: 'http://localhost:3000',
  });
  const handle = await createDb({ kind: 'postgres', url: appUrl, max: 20 });
  // the same refusal main.ts applies: the benchmark must measure RLS, not a role that skips it
  await assertSafeRole(handle);
  const server: Server = await listen(createApp({ env, db: handle }), 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    env,
    handle,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await handle.close();
    },
  };
}

/** A user with a password and a membership, created as the owner (the tenant set for the membership row). */
export async function createStaffUser(owner: RawSql, tenantId: string, opts: { email: string; password: string; roles: string[] }): Promise<string> {
  const passwordHash = await hashPassword(opts.password);
  const [u] = await owner.query<{ id: string }>(`insert into app_user (email, display_name, password_hash) values ($1, $2, $3) returning id`, [
    opts.email,
    opts.email.split('@')[0]!,
    passwordHash,
  ]);
  await owner.tenant(tenantId, (q) => q(`insert into membership (tenant_id, user_id, roles) values ($1, $2, $3)`, [tenantId, u!.id, opts.roles]));
  return u!.id;
}

/** A signed-in HTTP client for the tRPC API: sign-in over POST like the SPA, queries over GET. */
export class TrpcHttpClient {
  private cookie = '';
  constructor(
    readonly baseUrl: string,
    private readonly tenant: string | null = null,
  ) {}

  withTenant(slug: string): TrpcHttpClient {
    const c = new TrpcHttpClient(this.baseUrl, slug);
    c.cookie = this.cookie;
    return c;
  }

  /** the `uc_session=…` pair after signIn, for a browser that must open pages as this user (bench lighthouse) */
  get sessionCookie(): string {
    return this.cookie;
  }

  async signIn(email: string, password: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: this.baseUrl },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status} ${await res.text()}`);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('uc_session='));
    if (!session) throw new Error('sign-in set no session cookie');
    this.cookie = session.split(';')[0]!;
  }

  async query<T>(path: string, input: unknown): Promise<T> {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    const headers: Record<string, string> = { cookie: this.cookie };
    if (this.tenant) headers['x-tenant'] = this.tenant;
    const res = await fetch(`${this.baseUrl}/api/trpc/${path}${qs}`, { headers });
    const body = (await res.json()) as { result?: { data: T }; error?: unknown };
    if (!res.ok || !body.result) throw new Error(`${path} failed: HTTP ${res.status} ${JSON.stringify(body.error ?? body)}`);
    return body.result.data;
  }
}

/** One benchmark: registered by name in run.ts. */
export interface Bench {
  description: string;
  run(opts: BenchOptions): Promise<void>;
}

/** Command-line and environment options shared by the benchmarks: `--iterations=200 --warmup=20 --members=100000`. */
export interface BenchOptions {
  iterations: number;
  /** whether --iterations (or BENCH_ITERATIONS) was given: a slow benchmark keeps its own default otherwise */
  iterationsSet: boolean;
  warmup: number;
  /** rows per federation for data-heavy benchmarks (members: 100 000) */
  scale: number | undefined;
  /** print EXPLAIN of the baseline queries */
  explain: boolean;
  /** how many federations a data-heavy benchmark loads (members: 3; fewer loads a 1M size faster) */
  federations: number | undefined;
}

export function parseBenchOptions(args: string[]): BenchOptions {
  const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  // 100k, 1m (a million members per federation: `pnpm bench members --scale=1m`)
  const num = (v: string | undefined) => {
    if (v === undefined || v === '') return undefined;
    const m = /^(\d+(?:\.\d+)?)([km])$/i.exec(v);
    return m ? Number(m[1]) * (m[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000) : Number(v);
  };
  const positive = (v: number | undefined, name: string) => {
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) throw new Error(`--${name} must be a whole number`);
    return v;
  };
  const iterationsFlag = flag('iterations') ?? process.env.BENCH_ITERATIONS;
  return {
    iterationsSet: iterationsFlag !== undefined && iterationsFlag !== '',
    iterations: positive(num(iterationsFlag), 'iterations') ?? 200,
    warmup: positive(num(flag('warmup') ?? process.env.BENCH_WARMUP), 'warmup') ?? 20,
    scale: positive(num(flag('members') ?? flag('scale') ?? process.env.BENCH_SCALE), 'scale'),
    explain: !args.includes('--no-explain'),
    federations: positive(num(flag('federations') ?? process.env.BENCH_FEDERATIONS), 'federations'),
  };
}
