import type { AddressInfo } from 'node:net';
import { createDb, type DbHandle } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../test/harness.ts';
import { isDbUnavailable } from '../lib/dbErrors.ts';
import { createApp, listen } from './server.ts';

// The database away (issue 14): a server whose PostgreSQL refuses connections (a closed port on
// loopback) answers 503 with Retry-After and the "temporarily unavailable" message, never a 500;
// /healthz says the database is down. Restarts and hard stops of a real cluster are left to a
// fault suite of its own (not built yet: see decisions/0015).

describe('when the database is away', () => {
  let db: DbHandle;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    db = await createDb({ kind: 'postgres', url: 'postgres://uc_app@127.0.0.1:9/none', max: 1 });
    const server = await listen(createApp({ env: testEnv(), db }), 0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((r) => server.close(() => r()));
  });
  afterAll(async () => {
    await close();
    await db.close();
  });

  it('says so on /healthz', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toEqual({ ok: false, db: 'down' });
    // and, like every answer, may not be framed
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('answers a signed-in call with 503, Retry-After and the message the web app shows', async () => {
    const res = await fetch(`${url}/api/trpc/auth.me`, { headers: { cookie: 'uc_session=abcdefghijklmnopqrstuvwxyz234567', 'x-locale': 'zh-CN' } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    const body = await res.text();
    expect(body).toContain('服务暂时不可用，请稍后重试');
    expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|postgres/i);
  });

  it('answers a call that reaches the database inside tRPC with 503 too', async () => {
    const res = await fetch(`${url}/api/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ email: 'a@example.test', password: 'whatever-long-enough' }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(((await res.json()) as { error: { data: { code: string } } }).error.data.code).toBe('UNAVAILABLE');
  });

  it('tells connection failures from query errors', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'CONNECTION_CLOSED', '57P01', '57P03', '08006']) expect(isDbUnavailable({ cause: { code } }), code).toBe(true);
    for (const code of ['23505', '22P02', '42601', undefined]) expect(isDbUnavailable({ cause: { code } }), String(code)).toBe(false);
  });
});
