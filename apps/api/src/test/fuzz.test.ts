import { ROLES } from '@uc/contracts';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo.ts';
import { addMembership, createHarness, makeUser, signInCookie, startServer, TEST_PASSWORD, type Harness } from './harness.ts';
import { mutate, query, type HttpResult } from './http.testkit.ts';
import { procedures, sample, validInput, type Proc } from './router.testkit.ts';

// Property-based fuzz (issue 14) over EVERY procedure of the root router (discovered from it):
// each call starts from a valid input built from the procedure's zod schema with ids of the
// caller's own objects, then fast-check replaces one field (or the whole input) with a hostile
// value — NUL, lone surrogates, 1e6-character strings, integers past 32 bits, impossible dates,
// another federation's ids, wrong types — and the answer, over real HTTP, must be:
// - never a 500 / INTERNAL, never SQL, a stack or a file path;
// - when refused, nothing changed in the database: no transaction that took a transaction id
//   (every write does) committed while the call ran (pg_xact_status over the ids it used).
// Bounded: a few cases per procedure, one PGlite seeded once, so it runs in about a minute.

/** random cases per procedure on top of the sweep (FUZZ_RUNS=40 for a long run) */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
const INTERNALS = /\b(select|insert into|update \w+ set|delete from|violates|constraint|relation "|column "|syntax error|invalid input syntax|out of range|pglite|postgres)\b|at \S+\.(ts|js):\d+|node_modules|\/src\//i;
/** procedures whose refusal writes by design: the sign-in / password throttles */
const WRITES_WHEN_REFUSED = new Set(['auth.signIn', 'auth.signInMobile', 'auth.changePassword', 'agreement.sign']);

const hostileStrings = ['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', 'x'.repeat(1_000_000), '', ' ', '2026-02-30', '0000-00-00', '2026-13-01', '9999-12-31', '%E0%A4%A', "'; drop table member; --", '😀'];
const hostileNumbers = [2 ** 31, -(2 ** 31) - 1, 2 ** 53, -1, 0, 1e308, -1e308, 0.5];

describe('fuzz over every procedure', () => {
  let h: Harness;
  let srv: Awaited<ReturnType<typeof startServer>>;
  let cookie: string;
  const own = new Map<string, string[]>();
  const foreign: string[] = [];

  beforeAll(async () => {
    h = await createHarness();
    await seedDemo(h.t.db, h.env);
    srv = await startServer(h);
    const [hz] = await h.t.query<{ id: string }>(`select id from federation where slug = 'hangzhou'`);
    const [m] = await h.t.query<{ id: string }>(`select id from member where tenant_id = $1 order by id limit 1`, [hz!.id]);
    const user = await makeUser(h);
    await addMembership(h, { id: hz!.id, slug: 'hangzhou', rootUnitId: '' }, user, [...ROLES], m!.id);
    cookie = await signInCookie(srv.url, user);
    const tables = await h.t.query<{ table_name: string }>(
      `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'id' and data_type = 'uuid'
          and table_name in (select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id') order by 1`,
    );
    for (const { table_name: t } of tables) {
      own.set(t, (await h.t.query<{ id: string }>(`select id::text from "${t}" where tenant_id = $1 order by id limit 3`, [hz!.id])).map((r) => r.id));
      foreign.push(...(await h.t.query<{ id: string }>(`select id::text from "${t}" where tenant_id <> $1 order by id limit 1`, [hz!.id])).map((r) => r.id));
    }
  }, 300_000);
  afterAll(async () => {
    await srv?.close();
    await h.close();
  });

  /** the next transaction id: every transaction that writes takes one */
  const nextXid = async () => Number((await h.t.query<{ x: string }>(`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0]!.x);
  /** how many transactions that took an id in [from, to) committed */
  const committedSince = async (from: number, to: number) =>
    to <= from ? 0 : Number((await h.t.query<{ n: number }>(`select count(*)::int as n from generate_series($1::bigint, $2::bigint - 1) g where pg_xact_status(g::text::xid8) = 'committed'`, [from, to]))[0]!.n);

  /** one of the caller's own ids for a field: the table named like the key (batchId → …batch), else like the procedure */
  function ownId(p: Proc, key: string, pick: number): string {
    const token = (key === 'id' ? p.path.split('.').at(-2)! : key.replace(/Ids?$/, '')).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    // a table of the procedure's own module first (contest.event.lock's eventId is a contest_event), then the shortest name
    const mine = (t: string) => (t.startsWith(`${p.path.split('.')[0]!.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}_`) ? 0 : 1);
    const tables = [...own.keys()].filter((t) => t === token || t.endsWith(`_${token}`) || t.startsWith(`${token}`)).sort((a, b) => Number(b === token) - Number(a === token) || mine(a) - mine(b) || a.length - b.length);
    const ids = own.get(tables[0] ?? '') ?? [...own.values()].flat();
    return ids[pick % Math.max(ids.length, 1)] ?? '00000000-0000-4000-8000-000000000000';
  }

  const hostile = fc.oneof(
    fc.constantFrom<unknown>(...hostileStrings, ...hostileNumbers, null, true, [], {}, { $gt: '' }),
    fc.constantFrom(...[0, 1, 2, 3]).map((i) => foreign[i * 7] ?? foreign[0]),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.integer(),
    fc.double(),
  );

  /** every field of an input, as paths (nested objects and the first array element too) */
  function fieldPaths(v: unknown, prefix: (string | number)[] = [], depth = 0): (string | number)[][] {
    if (!v || typeof v !== 'object' || depth > 4) return [];
    const out: (string | number)[][] = [];
    for (const [k, x] of Object.entries(v)) {
      const path = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(path, ...fieldPaths(x, path, depth + 1));
    }
    return out;
  }
  const setAt = (v: unknown, path: (string | number)[], x: unknown): unknown => {
    if (!path.length) return x;
    const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
    copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), x);
    return copy;
  };

  async function send(p: Proc, input: unknown): Promise<HttpResult> {
    const opts = { cookie, tenant: 'hangzhou', headers: { origin: srv.url } };
    return p.type === 'query' ? query(srv.url, p.path, input, opts) : mutate(srv.url, p.path, input, opts);
  }

  // sign-out, password and session changes would end the fuzzing session: they go last
  const ordered = () => procedures().sort((a, b) => Number(a.path.startsWith('auth.')) - Number(b.path.startsWith('auth.')));

  /** hostile values aimed at a field, by the type of its valid value */
  function sweepValues(valid: unknown): unknown[] {
    if (typeof valid === 'string') {
      const v = [`a\u0000b`, `x\ud800`, '2026-02-30'];
      return /^[0-9a-f-]{36}$/.test(valid) ? [...v, foreign[0], foreign[foreign.length - 1]] : v;
    }
    if (typeof valid === 'number') return [2 ** 31, 1e308];
    return [null, 'x', 2 ** 31];
  }

  it('answers every procedure without a 500, without internals, and changes nothing when it refuses', async () => {
    const failures: string[] = [];
    let calls = 0;
    let reached = 0;
    const refusedBase: string[] = [];
    const slow: [string, number][] = [];
    const check = async (p: Proc, input: unknown) => {
      const from = await nextXid();
      const res = await send(p, input);
      calls++;
      const text = JSON.stringify(res.body);
      const what = `${p.path} ${JSON.stringify(input)?.slice(0, 600)} → ${res.status} ${text.slice(0, 200)}`;
      if (res.status >= 500 || res.error?.data.code === 'INTERNAL') failures.push(`500: ${what}`);
      else if (INTERNALS.test(text)) failures.push(`internals: ${what}`);
      else if (res.error && !WRITES_WHEN_REFUSED.has(p.path) && (await committedSince(from, await nextXid())) > 0) {
        failures.push(`a transaction committed behind a refusal: ${what}`);
      }
      return res;
    };
    for (const p of ordered()) {
      if (p.path === 'auth.signOut' || p.path === 'auth.revokeSession') continue; // would end the fuzzing session; no input to fuzz
      const started = Date.now();
      const idOpts = { id: (k: string) => ownId(p, k, 0), strings: { password: TEST_PASSWORD } };
      const base = validInput(p, idOpts)?.value ?? sample(p.input);
      const first = await check(p, base);
      if (first.status === 200) reached++;
      else refusedBase.push(`${p.path}:${first.error?.data.code ?? first.status}`);
      // every field (optional ones too), each hostile value of its kind
      const full = sample(p.input, { ...idOpts, allOptional: true });
      const paths = fieldPaths(full);
      // one huge string per procedure (every string field shares the body limit)
      const firstString = paths.find((path) => typeof path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], full) === 'string');
      if (firstString) await check(p, setAt(base, firstString, 'x'.repeat(1_000_000)));
      for (const path of paths) {
        const valid = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)?.[k], full);
        for (const x of sweepValues(valid)) await check(p, setAt(base, path, x));
      }
      // and random ones: a random field (or the whole input) replaced by a random hostile value
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: -1, max: Math.max(paths.length - 1, 0) }), hostile, async (at, x) => {
          await check(p, at < 0 || !paths.length ? x : setAt(base, paths[at]!, x));
          return true;
        }),
        { numRuns: RUNS, seed: 14 },
      );
      slow.push([p.path, Date.now() - started]);
    }
    console.log(`fuzz: ${calls} calls over ${procedures().length} procedures, valid input answered 200 for ${reached}, ${failures.length} failures`);
    if (process.env.FUZZ_TIMES) console.log(slow.sort((a, b) => b[1] - a[1]).slice(0, 15).map(([p, ms]) => `${p} ${ms}ms`).join('\n'));
    console.log(`valid input refused: ${refusedBase.join(' ')}`);
    // the valid inputs reach most services, so the hostile ones are tried where they matter
    expect(reached).toBeGreaterThan(procedures().length / 2);
    expect([...new Set(failures.map((f) => f.slice(0, 900)))]).toEqual([]);
  }, 600_000);

  it('answers a malformed percent-encoding in the path with 400', async () => {
    for (const path of ['/api/trpc/%E0%A4%A', '/%E0%A4%A', '/api/%ZZ', '/t/x/%C0']) {
      const res = await fetch(`${srv.url}${path}`);
      expect(res.status, path).toBe(400);
    }
  });
});
