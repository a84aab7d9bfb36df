import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@uc/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo.ts';
import { makeMembers } from '../modules/recuperation/recuperation.testkit.ts';
import { addMembership, callerFor, createHarness, makeFederation, makeStaff, makeUser, TEST_PASSWORD, type Harness, type TestFederation } from './harness.ts';
import type { Caller } from './caller.ts';
import { call, procedures, takesId, validInput, type Answer, type Proc } from './router.testkit.ts';

// The cross-tenant matrix (issue 14), over EVERY procedure of the root router, discovered from
// it (router.testkit.ts), so a procedure added tomorrow is in the matrix without an edit here.
// A federation party to nothing ("outsider") calls each procedure that takes an id with the ids
// of the demo federations' objects (one per table and federation, users included: every uuid
// found in a tenant table's id column or a membership's user_id). Each answer must be exactly
// the answer the same call gets with a random id nobody owns: an error (NOT_FOUND once the role
// check passes), never data, never a different code — so no read, no write, no existence oracle.

interface ForeignId {
  table: string;
  id: string;
}

const key = (a: Answer) => (a.ok ? `OK ${a.text}` : a.code);

describe('cross-tenant matrix over every procedure', () => {
  let h: Harness;
  let out: TestFederation;
  const callers = new Map<string, Caller>();
  const foreign: ForeignId[] = [];

  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h.t.db, h.env);
    out = await makeFederation(h, 'outsider');
    // one caller per role of the outsider federation, and one holding every role
    const [m] = await makeMembers(h, out, 1);
    const all = await makeUser(h);
    await addMembership(h, out, all, [...ROLES], m!.id);
    callers.set('all roles', await callerFor(h, all, out));
    for (const role of ROLES) {
      if (role === 'member') callers.set(role, m!.caller);
      else callers.set(role, await callerFor(h, await makeStaff(h, out, [role]), out));
    }
    // every table with a tenant_id and an id: one row of each demo federation
    const tables = await h.t.query<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
         join information_schema.columns i on i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = 'id' and i.data_type = 'uuid'
        where c.table_schema = 'public' and c.column_name = 'tenant_id' order by 1`,
    );
    for (const { table_name } of tables) {
      const rows = await h.t.query<{ id: string }>(
        `select distinct on (tenant_id) id::text from "${table_name}" where tenant_id in (select id from federation where slug in ('hangzhou', 'ningbo')) order by tenant_id, id`,
      );
      for (const r of rows) foreign.push({ table: table_name, id: r.id });
    }
    const users = await h.t.query<{ user_id: string }>(
      `select distinct on (tenant_id) user_id::text from membership where tenant_id in (select id from federation where slug in ('hangzhou', 'ningbo')) order by tenant_id, user_id`,
    );
    for (const u of users) foreign.push({ table: 'app_user', id: u.user_id });
  }, 300_000);
  afterAll(() => h.close());

  const idProcs = () => procedures().filter((p) => takesId(p.input));

  it('finds the procedures and the foreign objects it works on', () => {
    expect(procedures().length).toBeGreaterThan(100);
    expect(idProcs().length).toBeGreaterThan(70);
    expect(new Set(foreign.map((f) => f.table)).size).toBeGreaterThan(20);
    // every id-taking procedure gets an input its schema accepts (else it would be skipped silently)
    expect(idProcs().filter((p) => !validInput(p)).map((p) => p.path)).toEqual([]);
  });

  /** the outsider's answer for every foreign id must equal its answer for a random id */
  async function mismatches(p: Proc, who: string, ids: ForeignId[]): Promise<string[]> {
    const caller = callers.get(who)!;
    const none = randomUUID();
    // the caller's own password where a step asks for it, so the call reaches the id
    const strings = { password: TEST_PASSWORD };
    const baseline = await call(caller, p.path, validInput(p, { id: () => none, strings })!.value);
    const bad: string[] = [];
    for (const f of ids) {
      const got = await call(caller, p.path, validInput(p, { id: () => f.id, strings })!.value);
      if (!got.ok && got.code === 'INTERNAL') bad.push(`${p.path} as ${who} with ${f.table}: INTERNAL`);
      else if (key(got) !== key(baseline)) bad.push(`${p.path} as ${who} with ${f.table}: ${key(got).slice(0, 120)} (random id: ${key(baseline).slice(0, 60)})`);
    }
    return bad;
  }

  it('answers every id of another federation as if it did not exist, for a caller holding every role', async () => {
    const bad: string[] = [];
    // every table once, alternating between the two demo federations
    const tables = [...new Set(foreign.map((f) => f.table))];
    const ids = tables.map((t, i) => foreign.filter((f) => f.table === t)[i % 2] ?? foreign.find((f) => f.table === t)!);
    for (const p of idProcs()) bad.push(...(await mismatches(p, 'all roles', ids)));
    expect(bad).toEqual([]);
  }, 300_000);

  it.each(ROLES.map((r) => [r] as [Role]))('and for a caller holding only the role %s', async (role) => {
    // a sample of the foreign ids per procedure keeps the matrix fast: every table is still used
    const bad: string[] = [];
    for (const [i, p] of idProcs().entries()) {
      const ids = [foreign[i % foreign.length]!, foreign[(i * 7 + 3) % foreign.length]!, foreign.find((f) => f.table === 'app_user')!];
      bad.push(...(await mismatches(p, role, ids)));
    }
    expect(bad).toEqual([]);
  }, 300_000);

  it('answers a foreign X-Tenant as an unknown one, for every procedure', async () => {
    const user = await makeStaff(h, out, ['admin']);
    const asHangzhou = await callerFor(h, user, { id: '', slug: 'hangzhou', rootUnitId: '' });
    const asNobody = await callerFor(h, user, { id: '', slug: 'no-such-federation', rootUnitId: '' });
    const bad: string[] = [];
    for (const p of procedures()) {
      if (p.path.startsWith('auth.')) continue; // sign-in, sessions and invitations take no federation (and would sign this user out)
      const input = validInput(p, { strings: { password: TEST_PASSWORD } })?.value;
      const [a, b] = [await call(asHangzhou, p.path, input), await call(asNobody, p.path, input)];
      if (a.code === 'INTERNAL' || (a.ok ? 'OK' : a.code) !== (b.ok ? 'OK' : b.code)) bad.push(`${p.path}: ${key(a).slice(0, 80)} vs ${key(b).slice(0, 80)}`);
    }
    expect(bad).toEqual([]);
  }, 120_000);
});
