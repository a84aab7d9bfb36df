import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Role } from '@uc/contracts';
import { federations, memberships, users, withoutTenant, withTenant, orgUnits } from '@uc/db';
import { createTestDb, type TestDb } from '@uc/db/testing';
import { loadEnv, type Env } from '../env.ts';
import { createCaller, type Caller } from '../http/caller.ts';
import { createApp, listen } from '../http/server.ts';
import { createSession, hashPassword, validateSessionToken } from '../modules/auth/index.ts';
import type { RequestCtx } from '../trpc.ts';

// Integration test harness: a fresh database per file (PGlite, or the server when
// TEST_DATABASE_URL is set), factories that make their own federations and users, callers
// that act as a signed-in user, and a real HTTP server on a random port.

export const TEST_PASSWORD = 'correct-horse-battery';
let passwordHash: Promise<string> | null = null;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface Harness {
  t: TestDb;
  env: Env;
  /** the clock callers and startServer use; real time unless moved with advance() / setNow() */
  now: () => Date;
  /** moves the harness clock forward (or back, with a negative ms) */
  advance(ms: number): void;
  /** pins the clock's current reading to `at` (it keeps ticking from there); null: back to real time */
  setNow(at: Date | null): void;
  close(): Promise<void>;
}

/** The test environment, with overrides (e.g. PUBLIC_URL: 'https://…', TRUST_PROXY: 'true', SMTP_URL). */
export function testEnv(overrides: Record<string, string | undefined> = {}): Env {
  return loadEnv({ NODE_ENV: 'test', PUBLIC_URL: 'http://localhost:3000', ...overrides });
}

export async function createHarness(
  opts: { engine?: 'pglite' | 'postgres'; env?: Record<string, string | undefined> } = {},
): Promise<Harness> {
  const t = await createTestDb({ engine: opts.engine });
  const env = testEnv(opts.env);
  let offset = 0;
  return {
    t,
    env,
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
    setNow: (at) => {
      offset = at ? at.getTime() - Date.now() : 0;
    },
    close: () => t.close(),
  };
}

export interface TestFederation {
  id: string;
  slug: string;
  /** the federation's Chinese name: the 单位 people of this federation are shown with */
  nameZh?: string;
  rootUnitId: string;
}

/** A federation with a root org unit. */
export async function makeFederation(h: Harness, name = 'test'): Promise<TestFederation> {
  const slug = `${name}-${unique()}`.toLowerCase().slice(0, 40);
  const [fed] = await withoutTenant(h.t.db, (tx) =>
    tx.insert(federations).values({ slug, nameZh: `${name}市总工会`, nameEn: `${name} FTU`, city: name }).returning(),
  );
  const rootUnitId = await withTenant(h.t.db, fed!.id, async (tx) => {
    const [u] = await tx.insert(orgUnits).values({ tenantId: fed!.id, name: `${name}市总工会`, kind: 'city' }).returning();
    return u!.id;
  });
  return { id: fed!.id, slug, nameZh: fed!.nameZh, rootUnitId };
}

export interface TestUser {
  id: string;
  email: string;
}

export async function makeUser(h: Harness, opts: { email?: string; password?: string } = {}): Promise<TestUser> {
  const email = opts.email ?? `user-${unique()}@example.test`;
  const hash = opts.password ? await hashPassword(opts.password) : await (passwordHash ??= hashPassword(TEST_PASSWORD));
  const [u] = await withoutTenant(h.t.db, (tx) => tx.insert(users).values({ email, displayName: email.split('@')[0]!, passwordHash: hash }).returning());
  return { id: u!.id, email };
}

export async function addMembership(h: Harness, fed: TestFederation, user: TestUser, roles: Role[], memberId: string | null = null) {
  await withTenant(h.t.db, fed.id, (tx) => tx.insert(memberships).values({ tenantId: fed.id, userId: user.id, roles, memberId }));
}

/** A user with the given roles in the federation. */
export async function makeStaff(h: Harness, fed: TestFederation, roles: Role[] = ['admin']): Promise<TestUser> {
  const user = await makeUser(h);
  await addMembership(h, fed, user, roles);
  return user;
}

/** A tRPC caller acting as the user (with a real session) in the federation. */
export async function callerFor(h: Harness, user: TestUser | null, fed: TestFederation | null, extra: Partial<RequestCtx> = {}): Promise<Caller> {
  let auth = null;
  if (user) {
    const { token } = await withoutTenant(h.t.db, (tx) => createSession(tx, user.id, { ip: '127.0.0.1', userAgent: 'vitest', now: h.now() }));
    auth = await validateSessionToken(h.t.db, token, h.now());
  }
  return createCaller({
    db: h.t.db,
    env: h.env,
    requestId: 'test',
    ip: '127.0.0.1',
    userAgent: 'vitest',
    tenantSlug: fed?.slug ?? null,
    locale: 'zh-CN',
    secure: false,
    auth,
    resHeaders: new Headers(),
    now: h.now,
    ...extra,
  });
}

/** Runs the real HTTP server on a random port. */
export async function startServer(h: Harness, opts: { env?: Env } = {}): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const server = await listen(createApp({ env: opts.env ?? h.env, db: h.t, now: () => h.now() }), 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server, close: () => new Promise((r) => server.close(() => r())) };
}

/** Asserts a promise rejects with the given AppError code (as the client sees it in error.data.code). */
export async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  try {
    await p;
  } catch (e) {
    const got = (e as { cause?: { code?: string }; code?: string }).cause?.code ?? (e as { code?: string }).code;
    if (got !== code) throw new Error(`expected ${code}, got ${got}: ${(e as Error).message}`, { cause: e });
    return;
  }
  throw new Error(`expected ${code}, but it succeeded`);
}

/** Signs in over HTTP as a browser would (JSON, same Origin) and returns the session cookie pair. */
export async function signInCookie(serverUrl: string, user: TestUser, password = TEST_PASSWORD): Promise<string> {
  const res = await fetch(`${serverUrl}/api/trpc/auth.signIn`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: serverUrl },
    body: JSON.stringify({ email: user.email, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('uc_session='));
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed for ${user.email}: HTTP ${res.status}`);
  return cookie.split(';')[0]!;
}
