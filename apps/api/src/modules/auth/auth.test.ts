import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorMessagesEn, errorMessagesZh } from '@uc/contracts/i18n';
import { createHarness, makeFederation, makeStaff, makeUser, startServer, testEnv, TEST_PASSWORD, type Harness } from '../../test/harness.ts';
import { cookieAttributes, expectError, mutate, query, sessionCookieOf, type CallOptions } from '../../test/http.testkit.ts';
import { SESSION_TTL_MS } from './session.write.ts';

// Sign-in, sessions and the HTTP guards, over a real HTTP server (cookies and headers matter).
// The server trusts X-Forwarded-For here so each test can come from its own address and the
// per-address throttle of one test does not reach the next.

const DAY = 24 * 60 * 60 * 1000;
let ipCounter = 0;
const freshIp = () => `198.51.100.${++ipCounter}`;

describe('auth over HTTP', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof startServer>>;
  let url: string;

  beforeAll(async () => {
    h = await createHarness({ env: { TRUST_PROXY: 'true' } });
    server = await startServer(h);
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await h?.close();
  });
  afterEach(() => h.setNow(null));

  const signIn = (email: string, password: string, opts: CallOptions = {}) => mutate(url, 'auth.signIn', { email, password }, opts);
  const me = (cookie: string, opts: CallOptions = {}) => query<{ user: { email: string } } | null>(url, 'auth.me', undefined, { cookie, ...opts });
  const sessionRows = async (userId: string) =>
    (await h.t.query<{ id: string; expires_at: string | Date }>(`select id, expires_at from session where user_id = $1 order by created_at`, [userId])).map((r) => ({
      id: r.id,
      expires_at: new Date(r.expires_at),
    }));

  describe('when signing in with the right password', () => {
    it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie that is not Secure over http', async () => {
      const u = await makeUser(h);
      const r = await signIn(u.email, TEST_PASSWORD, { ip: freshIp() });
      expect(r.status).toBe(200);
      expect(r.data).toMatchObject({ user: { email: u.email } });
      const set = r.cookies.find((c) => c.startsWith('uc_session='))!;
      const attrs = cookieAttributes(set);
      expect(attrs).toHaveProperty('httponly');
      expect(attrs.samesite).toBe('Lax');
      expect(attrs.path).toBe('/');
      expect(attrs).not.toHaveProperty('secure');
      const expires = new Date(attrs.expires!).getTime();
      expect(Math.abs(expires - (Date.now() + SESSION_TTL_MS))).toBeLessThan(5_000);
      // the cookie works, and only its hash is stored
      const token = sessionCookieOf(r).split('=')[1]!;
      expect((await me(sessionCookieOf(r))).data?.user.email).toBe(u.email);
      const rows = await sessionRows(u.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.id).not.toContain(token);
    });

    it('marks the cookie Secure when PUBLIC_URL is https', async () => {
      const https = await startServer(h, { env: testEnv({ PUBLIC_URL: 'https://union.example.cn', TRUST_PROXY: 'true' }) });
      try {
        const u = await makeUser(h);
        const r = await mutate(https.url, 'auth.signIn', { email: u.email, password: TEST_PASSWORD }, { ip: freshIp() });
        expect(r.status).toBe(200);
        const attrs = cookieAttributes(r.cookies.find((c) => c.startsWith('uc_session='))!);
        expect(attrs).toHaveProperty('secure');
        expect(attrs).toHaveProperty('httponly');
        expect(attrs.samesite).toBe('Lax');
      } finally {
        await https.close();
      }
    });
  });

  describe('when the credentials are wrong', () => {
    it('refuses a wrong password with INVALID_CREDENTIALS, a Chinese message and no cookie', async () => {
      const u = await makeUser(h);
      const r = await signIn(u.email, 'wrong-password-1', { ip: freshIp() });
      expectError(r, 'INVALID_CREDENTIALS', 401);
      expect(r.error!.message).toBe(errorMessagesZh.INVALID_CREDENTIALS);
      expect(r.error!.message).toMatch(/[\u4e00-\u9fff]/);
      expect(r.cookies).toEqual([]);
    });

    it('answers an unknown email with exactly the same error', async () => {
      const r = await signIn(`nobody-${Date.now()}@example.test`, TEST_PASSWORD, { ip: freshIp() });
      expectError(r, 'INVALID_CREDENTIALS', 401);
      expect(r.error!.message).toBe(errorMessagesZh.INVALID_CREDENTIALS);
      expect(r.cookies).toEqual([]);
    });

    it('speaks English when the request says x-locale: en', async () => {
      const u = await makeUser(h);
      const r = await signIn(u.email, 'wrong-password-1', { ip: freshIp(), headers: { 'x-locale': 'en' } });
      expectError(r, 'INVALID_CREDENTIALS');
      expect(r.error!.message).toBe(errorMessagesEn.INVALID_CREDENTIALS);
    });

    it("uses a signed-in user's own language setting", async () => {
      const u = await makeUser(h);
      const cookie = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      expect((await mutate(url, 'auth.setLocale', { locale: 'en' }, { cookie })).status).toBe(200);
      const r = await query(url, 'staff.list', undefined, { cookie, tenant: 'no-such-federation' });
      expectError(r, 'NOT_FOUND', 404);
      expect(r.error!.message).toBe(errorMessagesEn.NOT_FOUND);
    });
  });

  describe('when sign-ins keep failing', () => {
    it('lets 4 typos through, then refuses even the right password until the delay has passed', async () => {
      const u = await makeUser(h);
      const ip = freshIp();
      for (let i = 0; i < 4; i++) expectError(await signIn(u.email, `typo-${i}-password`, { ip }), 'INVALID_CREDENTIALS');
      // 4 failures are free: the right password still works, and clears the count
      expect((await signIn(u.email, TEST_PASSWORD, { ip })).status).toBe(200);

      for (let i = 0; i < 5; i++) expectError(await signIn(u.email, `typo-${i}-password`, { ip }), 'INVALID_CREDENTIALS');
      const refused = await signIn(u.email, TEST_PASSWORD, { ip });
      expectError(refused, 'RATE_LIMITED', 429);
      expect(refused.error!.message).toBe(errorMessagesZh.RATE_LIMITED);
      expect(refused.error!.data.details.retryAfterSeconds).toBe(1);
      expect(refused.cookies).toEqual([]);
      // only this address is locked out of this account: the owner elsewhere signs in at once
      expect((await signIn(u.email, TEST_PASSWORD, { ip: freshIp() })).status).toBe(200);

      h.advance(1_100);
      expect((await signIn(u.email, TEST_PASSWORD, { ip })).status).toBe(200);
    });

    it('doubles the delay with each further failure', async () => {
      const u = await makeUser(h);
      const ip = freshIp();
      for (let i = 0; i < 5; i++) expectError(await signIn(u.email, 'typo-password', { ip }), 'INVALID_CREDENTIALS');
      h.advance(1_100); // past the 1 s lock
      expectError(await signIn(u.email, 'typo-password', { ip }), 'INVALID_CREDENTIALS');
      const r = await signIn(u.email, TEST_PASSWORD, { ip });
      expectError(r, 'RATE_LIMITED');
      expect(r.error!.data.details.retryAfterSeconds).toBe(2);
      h.advance(1_100);
      expectError(await signIn(u.email, TEST_PASSWORD, { ip }), 'RATE_LIMITED');
      h.advance(1_000);
      expect((await signIn(u.email, TEST_PASSWORD, { ip })).status).toBe(200);
    });

    it('lets no more than the free guesses through when 12 arrive at the same moment', async () => {
      const u = await makeUser(h);
      const ip = freshIp();
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(u.email, `parallel-guess-${i}`, { ip })));
      const codes = results.map((r) => r.error?.data.code);
      // each attempt is counted before its password is checked: 4 free, the 5th sets the lock
      expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(5);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
    });

    it('does not let a stranger who knows the email keep the owner out (the lockout found in testing)', async () => {
      const u = await makeUser(h);
      const stranger = freshIp();
      // an hour of trying from one address: after the free typos it is locked out itself, and its
      // refused attempts no longer count against the account
      for (let minute = 0; minute < 60; minute++) {
        for (let i = 0; i < 5; i++) await signIn(u.email, `stranger-${minute}-${i}`, { ip: stranger });
        h.advance(60_000);
      }
      expectError(await signIn(u.email, TEST_PASSWORD, { ip: stranger }), 'RATE_LIMITED');
      // the owner, from their own address, gets in with the right password
      expect((await signIn(u.email, TEST_PASSWORD, { ip: freshIp() })).status).toBe(200);
    }, 120_000);

    it('slows guessing spread over many addresses by a short account-wide delay only', async () => {
      const u = await makeUser(h);
      // 11 strangers, each one guess: past the 10 free account-wide failures
      for (let i = 0; i < 11; i++) expectError(await signIn(u.email, `botnet-${i}-password`, { ip: freshIp() }), 'INVALID_CREDENTIALS');
      for (let i = 0; i < 12; i++) {
        h.advance(31_000);
        expectError(await signIn(u.email, `botnet-more-${i}-password`, { ip: freshIp() }), 'INVALID_CREDENTIALS');
      }
      const refused = await signIn(u.email, TEST_PASSWORD, { ip: freshIp() });
      expectError(refused, 'RATE_LIMITED');
      // however many guesses, the owner waits at most 30 seconds
      expect(refused.error!.data.details.retryAfterSeconds).toBeLessThanOrEqual(30);
      h.advance(30_000);
      expect((await signIn(u.email, TEST_PASSWORD, { ip: freshIp() })).status).toBe(200);
    }, 120_000);

    it('throttles one address that tries many accounts', async () => {
      const ip = freshIp();
      // 20 failures are free per address (offices share one); each on a different account
      for (let i = 0; i < 21; i++) expectError(await signIn(`guess-${i}-${Date.now()}@example.test`, 'guess-password', { ip }), 'INVALID_CREDENTIALS');
      const u = await makeUser(h);
      expectError(await signIn(u.email, TEST_PASSWORD, { ip }), 'RATE_LIMITED');
      // the account is fine from elsewhere
      expect((await signIn(u.email, TEST_PASSWORD, { ip: freshIp() })).status).toBe(200);
      h.advance(1_100);
      expect((await signIn(u.email, TEST_PASSWORD, { ip })).status).toBe(200);
    }, 120_000);
  });

  describe('when a session gets old', () => {
    it('is gone after expiry: auth.me answers null and the row is deleted', async () => {
      const u = await makeUser(h);
      const cookie = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      expect((await me(cookie)).data?.user.email).toBe(u.email);
      h.advance(SESSION_TTL_MS + 1_000);
      const r = await me(cookie);
      expect(r.status).toBe(200);
      expect(r.data).toBeNull();
      expect(await sessionRows(u.id)).toEqual([]);
      expectError(await query(url, 'auth.sessions', undefined, { cookie }), 'UNAUTHORIZED', 401);
    });

    it('is left alone in its first half', async () => {
      const u = await makeUser(h);
      const cookie = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const [before] = await sessionRows(u.id);
      h.advance(10 * DAY);
      const r = await me(cookie);
      expect(r.data?.user.email).toBe(u.email);
      expect(r.cookies).toEqual([]);
      const [after] = await sessionRows(u.id);
      expect(after!.expires_at.getTime()).toBe(before!.expires_at.getTime());
    });

    it('slides forward in its second half, and the cookie is sent again with the new expiry', async () => {
      const u = await makeUser(h);
      const cookie = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const [before] = await sessionRows(u.id);
      h.advance(20 * DAY);
      const r = await me(cookie);
      expect(r.data?.user.email).toBe(u.email);
      const [after] = await sessionRows(u.id);
      expect(after!.expires_at.getTime()).toBeGreaterThan(before!.expires_at.getTime());
      expect(Math.abs(after!.expires_at.getTime() - (h.now().getTime() + SESSION_TTL_MS))).toBeLessThan(5_000);
      const renewed = r.cookies.find((c) => c.startsWith('uc_session='));
      expect(renewed?.split(';')[0]).toBe(cookie);
      expect(new Date(cookieAttributes(renewed!).expires!).toUTCString()).toBe(after!.expires_at.toUTCString());
      // 25 days after the renewal (45 after sign-in) it still works
      h.advance(25 * DAY);
      expect((await me(cookie)).data?.user.email).toBe(u.email);
    });
  });

  describe('when signing out and revoking sessions', () => {
    it('signs out: the cookie is cleared and no longer works', async () => {
      const u = await makeUser(h);
      const cookie = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const r = await mutate(url, 'auth.signOut', undefined, { cookie });
      expect(r.status).toBe(200);
      const cleared = r.cookies.find((c) => c.startsWith('uc_session='))!;
      expect(cleared.split(';')[0]).toBe('uc_session=');
      expect(cookieAttributes(cleared)['max-age']).toBe('0');
      expect((await me(cookie)).data).toBeNull();
      expect(await sessionRows(u.id)).toEqual([]);
    });

    it('revokes another session of mine, which then stops working', async () => {
      const u = await makeUser(h);
      const laptop = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const phone = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const list = await query<{ id: string; current: boolean }[]>(url, 'auth.sessions', undefined, { cookie: laptop });
      expect(list.data).toHaveLength(2);
      const other = list.data.find((s) => !s.current)!;
      expect((await mutate(url, 'auth.revokeSession', { id: other.id }, { cookie: laptop })).status).toBe(200);
      expect((await me(phone)).data).toBeNull();
      expect((await me(laptop)).data?.user.email).toBe(u.email);
    });

    it("cannot revoke someone else's session: NOT_FOUND, and theirs keeps working", async () => {
      const mine = await makeUser(h);
      const theirs = await makeUser(h);
      const myCookie = sessionCookieOf(await signIn(mine.email, TEST_PASSWORD, { ip: freshIp() }));
      const theirCookie = sessionCookieOf(await signIn(theirs.email, TEST_PASSWORD, { ip: freshIp() }));
      const [their] = (await query<{ id: string }[]>(url, 'auth.sessions', undefined, { cookie: theirCookie })).data;
      expectError(await mutate(url, 'auth.revokeSession', { id: their!.id }, { cookie: myCookie }), 'NOT_FOUND', 404);
      // nor by a short prefix that would match many
      expectError(await mutate(url, 'auth.revokeSession', { id: their!.id.slice(0, 4) }, { cookie: theirCookie }), 'NOT_FOUND');
      expect((await me(theirCookie)).data?.user.email).toBe(theirs.email);
    });
  });

  describe('when changing the password', () => {
    it('refuses a wrong current password', async () => {
      const u = await makeUser(h);
      const cookie = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const r = await mutate(url, 'auth.changePassword', { currentPassword: 'not-my-password', newPassword: 'a-new-password-123' }, { cookie, ip: freshIp() });
      expectError(r, 'INVALID_CREDENTIALS');
      expect((await signIn(u.email, TEST_PASSWORD, { ip: freshIp() })).status).toBe(200);
    });

    it('throttles guesses of the current password from a stolen session', async () => {
      const u = await makeUser(h);
      const cookie = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const ip = freshIp();
      for (let i = 0; i < 5; i++) {
        expectError(await mutate(url, 'auth.changePassword', { currentPassword: `guess-${i}`, newPassword: 'a-new-password-123' }, { cookie, ip }), 'INVALID_CREDENTIALS');
      }
      const r = await mutate(url, 'auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-123' }, { cookie, ip });
      expectError(r, 'RATE_LIMITED');
    });

    it('signs out my other sessions and keeps this one', async () => {
      const u = await makeUser(h);
      const here = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const elsewhere = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const r = await mutate(url, 'auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-123' }, { cookie: here, ip: freshIp() });
      expect(r.status).toBe(200);
      expect((await me(elsewhere)).data).toBeNull();
      expect((await me(here)).data?.user.email).toBe(u.email);
      expect(await sessionRows(u.id)).toHaveLength(1);
      expectError(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }), 'INVALID_CREDENTIALS');
      expect((await signIn(u.email, 'a-new-password-123', { ip: freshIp() })).status).toBe(200);
    });

    it('rejects a new password shorter than 10 characters with a field message', async () => {
      const u = await makeUser(h);
      const cookie = sessionCookieOf(await signIn(u.email, TEST_PASSWORD, { ip: freshIp() }));
      const r = await mutate(url, 'auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'short' }, { cookie });
      expectError(r, 'BAD_INPUT', 400);
      expect(r.error!.data.details).toEqual({ fields: { newPassword: '密码至少 10 位' } });
    });
  });

  describe('CSRF guard on state-changing requests', () => {
    const post = (headers: Record<string, string>, body = JSON.stringify({ email: 'x@example.test', password: 'y' })) =>
      fetch(`${url}/api/trpc/auth.signIn`, { method: 'POST', headers: { 'x-forwarded-for': freshIp(), ...headers }, body });

    it('refuses a POST that is not JSON', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const r = await post({ 'content-type': type });
        expect(r.status, type).toBe(403);
        expect(await r.json()).toMatchObject({ error: { code: 'CSRF', reason: 'content-type' } });
      }
      // no content type at all
      const r = await fetch(`${url}/api/trpc/auth.signIn`, { method: 'POST', body: new Uint8Array(Buffer.from('{}')) });
      expect(r.status).toBe(403);
    });

    it('refuses a foreign Origin', async () => {
      for (const origin of ['https://evil.example.com', `http://127.0.0.1.evil.example.com`, 'null']) {
        const r = await post({ 'content-type': 'application/json', origin });
        expect(r.status, origin).toBe(403);
        expect(await r.json()).toMatchObject({ error: { code: 'CSRF', reason: 'origin', message: errorMessagesZh.CSRF } });
      }
    });

    it('does not let a client vouch for itself with X-Forwarded-Host when no proxy is trusted', async () => {
      const direct = await startServer(h, { env: testEnv() });
      try {
        const r = await fetch(`${direct.url}/api/trpc/auth.signIn`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://evil.example.com', 'x-forwarded-host': 'evil.example.com' },
          body: '{}',
        });
        expect(r.status).toBe(403);
      } finally {
        await direct.close();
      }
    });

    it('refuses Sec-Fetch-Site: cross-site (and same-site)', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const r = await post({ 'content-type': 'application/json', 'sec-fetch-site': site });
        expect(r.status, site).toBe(403);
        expect(await r.json()).toMatchObject({ error: { code: 'CSRF', reason: 'sec-fetch-site' } });
      }
    });

    it('answers in English with x-locale: en', async () => {
      const r = await post({ 'content-type': 'text/plain', 'x-locale': 'en' });
      expect(await r.json()).toMatchObject({ error: { code: 'CSRF', message: errorMessagesEn.CSRF } });
    });

    it('lets a same-origin JSON request through', async () => {
      const u = await makeUser(h);
      const body = JSON.stringify({ email: u.email, password: TEST_PASSWORD });
      const r = await post({ 'content-type': 'application/json', origin: url, 'sec-fetch-site': 'same-origin' }, body);
      expect(r.status).toBe(200);
      // the public URL's origin is accepted as well (the API behind the SPA's host)
      const viaPublic = await post({ 'content-type': 'application/json; charset=utf-8', origin: 'http://localhost:3000' }, body);
      expect(viaPublic.status).toBe(200);
    });
  });

  describe('request limits', () => {
    it('refuses a body over 1 MiB with 413', async () => {
      const big = JSON.stringify({ email: 'x@example.test', password: 'x'.repeat(1024 * 1024 + 10) });
      const r = await fetch(`${url}/api/trpc/auth.signIn`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
      expect(r.status).toBe(413);
      expect(await r.json()).toMatchObject({ error: { code: 'PAYLOAD_TOO_LARGE', message: errorMessagesZh.PAYLOAD_TOO_LARGE } });
    });

    it('refuses an oversized body sent without Content-Length (chunked)', async () => {
      const chunk = new Uint8Array(256 * 1024).fill(0x61);
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent++ < 6) c.enqueue(chunk);
          else c.close();
        },
      });
      const r = await fetch(`${url}/api/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(r.status).toBe(413);
    });

    it('refuses a batch of more than 16 calls with 400, and serves 16', async () => {
      const paths = (n: number) => Array.from({ length: n }, () => 'auth.me').join(',');
      const input = (n: number) => encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, null]))));
      const ok = await fetch(`${url}/api/trpc/${paths(16)}?batch=1&input=${input(16)}`);
      expect(ok.status).toBe(200);
      expect(await ok.json()).toHaveLength(16);
      const refused = await fetch(`${url}/api/trpc/${paths(17)}?batch=1&input=${input(17)}`);
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ error: { code: 'BAD_INPUT' } });
    });
  });

  describe('when something unexpected fails', () => {
    it('shows only the generic message and a request id, never SQL or a stack', async () => {
      const u = await makeUser(h);
      // make the next session insert fail inside the database, with a message full of internals
      await h.t.query(`create function uc_test_explode() returns trigger language plpgsql as $$
        begin raise exception 'SECRET_DETAIL: select password_hash from app_user where id = %', new.user_id; end $$`);
      await h.t.query(`create trigger uc_test_explode before insert on session for each row execute function uc_test_explode()`);
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const r = await signIn(u.email, TEST_PASSWORD, { ip: freshIp() });
        expect(r.status).toBe(500);
        const text = JSON.stringify(r.body).toLowerCase();
        for (const leak of ['SECRET_DETAIL', 'password_hash', 'app_user', 'select', 'stack', 'at ', '.ts:', 'postgres', 'pglite', 'trigger']) {
          expect(text, leak).not.toContain(leak.toLowerCase());
        }
        const requestId = r.headers.get('x-request-id');
        expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect(r.error).toEqual({
          message: errorMessagesZh.INTERNAL,
          code: -32603,
          data: { code: 'INTERNAL', httpStatus: 500, path: 'auth.signIn', details: { requestId } },
        });
        expect(r.cookies).toEqual([]);
        // the detail went to the log, under the same request id
        const chain = (e: unknown): string => (e instanceof Error ? `${e.message} ${chain(e.cause)}` : String(e ?? ''));
        expect(logged.mock.calls.some((c) => String(c[0]).includes(requestId!) && chain(c[1]).includes('SECRET_DETAIL'))).toBe(true);

        const en = await signIn(u.email, TEST_PASSWORD, { ip: freshIp(), headers: { 'x-locale': 'en' } });
        expect(en.status).toBe(500);
        expect(en.error?.message).toBe(errorMessagesEn.INTERNAL);
        expect(JSON.stringify(en.body)).not.toContain('SECRET_DETAIL');
      } finally {
        logged.mockRestore();
        await h.t.query(`drop trigger uc_test_explode on session`);
        await h.t.query(`drop function uc_test_explode()`);
      }
    });
  });

  it('GET /healthz reports the database kind', async () => {
    const r = await fetch(`${url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ ok: true, db: h.t.kind });
    expect(h.t.kind).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('serves a signed-in staff user their federation through X-Tenant', async () => {
    const fed = await makeFederation(h, 'http');
    const staff = await makeStaff(h, fed, ['officer']);
    const cookie = sessionCookieOf(await signIn(staff.email, TEST_PASSWORD, { ip: freshIp() }));
    const r = await query<{ federation: { slug: string } }>(url, 'federation.home', undefined, { cookie, tenant: fed.slug });
    expect(r.data.federation.slug).toBe(fed.slug);
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});
