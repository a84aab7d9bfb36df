import { it } from 'vitest';
import { createHarness, makeFederation, makeStaff, signInCookie, startServer } from './harness.ts';
import { query, mutate } from './http.testkit.ts';
it('probe', async () => {
  const h = await createHarness();
  const srv = await startServer(h);
  const fed = await makeFederation(h, 'p');
  const u = await makeStaff(h, fed, ['admin']);
  const cookie = await signInCookie(srv.url, u);
  const o = { cookie, tenant: fed.slug, headers: { origin: srv.url } };
  for (const q of ['\u0000', 'a\ud800', '%']) {
    const r = await query(srv.url, 'member.list', { q }, o);
    console.log('list', JSON.stringify(q), r.status, JSON.stringify(r.body).slice(0, 200));
  }
  const r2 = await mutate(srv.url, 'orgUnit.create', { name: 'a\u0000b', kind: 'district', parentId: fed.rootUnitId }, o);
  console.log('orgUnit', r2.status, JSON.stringify(r2.body).slice(0, 300));
  const r3 = await mutate(srv.url, 'recuperation.booking.list', { side: 'home', q: 'a\u0000' }, o);
  console.log('booking', r3.status, JSON.stringify(r3.body).slice(0, 300));
  const r4 = await fetch(`${srv.url}/api/trpc/%E0%A4%A`); console.log('url', r4.status);
  const r5 = await fetch(`${srv.url}/%E0%A4%A`); console.log('url2', r5.status);
  await srv.close(); await h.close();
}, 60000);
