import { randomBytes } from 'node:crypto';
import type { MemberDto } from '@uc/contracts';
import { createBenchDatabase, rawSql, createStaffUser, startBenchApi, TrpcHttpClient, type Bench, type BenchOptions } from './lib/setup.ts';
import { measurePair, summaryLine } from './lib/stats.ts';
import { loadMembersData } from './members.data.ts';
import { cursorOf, explainMemberList, memberListSql, type MemberListInput } from './members.sql.ts';

// member.list over authenticated tRPC HTTP GET (session cookie, X-Tenant, RLS as uc_app)
// against the same queries in raw SQL as uc_app with the tenant set in a transaction.

const PASSWORD = 'bench-password-2026';

interface ListResult {
  items: MemberDto[];
  total: number;
  totalCapped: boolean;
  next: string | null;
}

export const bench: Bench = {
  description: 'member.list over HTTP vs the same SQL, 3 federations × 100 000 members (--scale=1m: a million each)',
  async run(opts: BenchOptions) {
    const perFederation = opts.scale ?? 100_000;
    const db = await createBenchDatabase();
    console.log(`database ${db.name}; loading ${opts.federations ?? 3} × ${perFederation} members …`);
    let api: Awaited<ReturnType<typeof startBenchApi>> | null = null;
    let raw: Awaited<ReturnType<typeof rawSql>> | null = null;
    try {
      const t0 = Date.now();
      const feds = await loadMembersData(db.owner, perFederation, randomBytes(3).toString('hex'), opts.federations ?? 3);
      const counts = await db.owner.query<{ members: number; honours: number; honoured: number; units: number }>(`select (select count(*)::int from member) as members, (select count(*)::int from member_honour) as honours,
        (select count(distinct (tenant_id, member_id))::int from member_honour) as honoured, (select count(*)::int from org_unit) as units`);
      const c = counts[0]!;
      console.log(
        `loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${c.members} members, ${c.units} org units, ` +
          `${c.honours} honours on ${c.honoured} members (${((100 * c.honoured) / c.members).toFixed(1)} %)`,
      );

      const fed = feds[0]!;
      const email = `officer@${fed.slug}.bench`;
      await createStaffUser(db.owner, fed.id, { email, password: PASSWORD, roles: ['officer'] });
      api = await startBenchApi(db.appUrl);
      const client = new TrpcHttpClient(api.url);
      await client.signIn(email, PASSWORD);
      const tenant = client.withTenant(fed.slug);
      raw = await rawSql(db.appUrl);
      const rawTenant = raw.tenant;

      // search terms: the surname and first given name of a member (2 characters), and the
      // whole name of a member with two given names (3 characters)
      const [probe] = await rawTenant(fed.id, (q) => q<{ name: string }>(`select name from member order by id limit 1`));
      const [probe3] = await rawTenant(fed.id, (q) => q<{ name: string }>(`select name from member where length(name) = 3 order by id limit 1`));
      const q2 = probe!.name.slice(0, 2);
      const q3 = probe3!.name;
      // a deep page: the cursor of the member half-way down the list (as if paged there)
      const [mid] = await rawTenant(fed.id, (q) =>
        q<{ name: string; id: string }>(`select name, id from member where tenant_id = $1 order by name, id offset $2 limit 1`, [fed.id, Math.floor(perFederation / 2)]),
      );
      const deep = cursorOf(mid!);

      const all = { pageSize: 20, includeDescendants: true };
      const cases: { name: string; input: MemberListInput }[] = [
        { name: 'first-page', input: all },
        { name: 'deep-page', input: { ...all, after: deep } },
        { name: 'search-2char', input: { ...all, q: q2 } },
        { name: 'search-3char', input: { ...all, q: q3 } },
        { name: 'district', input: { ...all, orgUnitId: fed.districtUnitId } },
        { name: 'district-deep', input: { ...all, orgUnitId: fed.districtUnitId, after: deep } },
        { name: 'honour', input: { ...all, honour: 'model_worker' } },
      ];

      console.log(`server ${api.url} as uc_app; ${opts.warmup} warm-up + ${opts.iterations} measured rounds per case, interleaved`);
      const lines: string[] = [];
      for (const k of cases) {
        const viaApi = () => tenant.query<ListResult>('member.list', k.input);
        const viaSql = () => rawTenant(fed.id, (q) => memberListSql(q, fed.id, k.input));
        // both sides must do the same work: same total, same page, same honours
        const [a, s] = [await viaApi(), await viaSql()];
        assertSame(k.name, a, s);
        const r = await measurePair(viaApi, viaSql, opts);
        const line = `${summaryLine(`members-list[${k.name}]`, r)} total=${a.total}${a.totalCapped ? '+' : ''}${k.input.q ? ` q=${k.input.q}` : ''}`;
        lines.push(line);
        console.log(line);
      }

      if (opts.explain) {
        for (const k of cases) {
          console.log(`\n--- EXPLAIN members-list[${k.name}] (as uc_app, tenant set; costs off)`);
          const plans = await rawTenant(fed.id, (q) => explainMemberList(q, fed.id, k.input));
          for (const p of plans) {
            console.log(`${p.label}:\n${p.plan.map((l) => `    ${l.length > 160 ? `${l.slice(0, 157)}…` : l}`).join('\n')}`);
          }
        }
        // the plans push the figures off the screen: repeat them at the end
        console.log('\nsummary');
        for (const l of lines) console.log(l);
      }
    } finally {
      await raw?.close();
      await api?.close();
      await db.drop();
      console.log(`dropped ${db.name}`);
    }
  },
};

function assertSame(name: string, a: ListResult, s: ListResult) {
  const ids = (r: ListResult) => r.items.map((m) => `${m.id}:${m.orgUnitName}:${m.honours.map((h) => h.kind).sort().join('+')}`).join(',');
  if (a.total !== s.total || a.totalCapped !== s.totalCapped || a.next !== s.next || ids(a) !== ids(s)) {
    throw new Error(
      `members-list[${name}]: the API and the SQL baseline disagree (api total ${a.total}, sql total ${s.total}); ` +
        `update members.sql.ts to mirror the members service.\napi: ${ids(a).slice(0, 400)}\nsql: ${ids(s).slice(0, 400)}`,
    );
  }
}

