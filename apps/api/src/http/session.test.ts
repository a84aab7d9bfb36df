import { sessions } from '@uc/db';
import { withoutTenant } from '@uc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, makeFederation, makeStaff, signInCookie, startServer, type Harness, type TestFederation, type TestUser } from '../test/harness.ts';
import { query } from '../test/http.testkit.ts';

// A tRPC call naming a federation (X-Tenant) reads its session inside the procedure's one
// transaction, sent together with the membership lookup (docs/decisions/0016): the same answers
// as a lookup of its own — unknown, expired (and deleted), renewed (cookie sent again), another
// federation's member (NOT_FOUND) — and the user's language for errors.

const DAY = 24 * 60 * 60 * 1000;

describe('the session read inside the tenant transaction', () => {
  let h: Harness;
  let server: Awaited<ReturnType<typeof startServer>>;
  let fed: TestFederation;
  let other: TestFederation;
  let admin: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    server = await startServer(h);
    fed = await makeFederation(h, 'sess');
    other = await makeFederation(h, 'sess-other');
    admin = await makeStaff(h, fed, ['admin']);
  });
  afterAll(async () => {
    h.setNow(null);
    await server.close();
    await h.close();
  });

  const sessionCount = async () => (await withoutTenant(h.t.db, (tx) => tx.select().from(sessions))).length;

  it('answers a tenant call with a live session and refuses an unknown or malformed one', async () => {
    const cookie = await signInCookie(server.url, admin);
    const ok = await query(server.url, 'staff.list', undefined, { cookie, tenant: fed.slug });
    expect(ok.status).toBe(200);
    expect(ok.cookies).toEqual([]);
    for (const bad of ['uc_session=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'uc_session=nope']) {
      const r = await query(server.url, 'staff.list', undefined, { cookie: bad, tenant: fed.slug });
      expect(r.error?.data.code).toBe('UNAUTHORIZED');
    }
    // a federation the user does not belong to looks like one that does not exist
    const elsewhere = await query(server.url, 'staff.list', undefined, { cookie, tenant: other.slug });
    expect(elsewhere.error?.data.code).toBe('NOT_FOUND');
    // a non-tenant procedure with X-Tenant still sees the session
    const me = await query<{ user: { id: string } }>(server.url, 'auth.me', undefined, { cookie, tenant: fed.slug });
    expect(me.data.user.id).toBe(admin.id);
  });

  it('sends the cookie again when the session slid forward, and deletes an expired one', async () => {
    const cookie = await signInCookie(server.url, admin);
    h.advance(20 * DAY);
    const renewed = await query(server.url, 'staff.list', undefined, { cookie, tenant: fed.slug });
    expect(renewed.status).toBe(200);
    expect(renewed.cookies.some((c) => c.startsWith(cookie))).toBe(true);
    const before = await sessionCount();
    h.advance(31 * DAY);
    const expired = await query(server.url, 'staff.list', undefined, { cookie, tenant: fed.slug, headers: { 'x-locale': 'en' } });
    expect(expired.error?.data.code).toBe('UNAUTHORIZED');
    expect(await sessionCount()).toBe(before - 1);
  });
});
