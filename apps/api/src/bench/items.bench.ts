import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle } from '@uc/db';
import { canonicalJson } from '../lib/canonical.ts';
import { chinaDate } from '../lib/dates.ts';
import { hashPassword } from '../modules/auth/index.ts';
import { dashboardPanels } from '../modules/dashboard/index.ts';
import { registerModules } from '../modules/index.ts';
import { myItems } from '../modules/jointItem/index.ts';
import { systemActor, type ServiceCtx } from '../service.ts';
import { createBenchDatabase, rawSql, startBenchApi, TrpcHttpClient, type Bench, type BenchOptions } from './lib/setup.ts';
import { measurePair, summaryLine } from './lib/stats.ts';
import { FULL_SCALE, loadItemsData, type ItemsScale } from './items.data.ts';
import { captureStatements, explainStatements, type Statement } from './items.explain.ts';

// "My items" and the dashboards over authenticated tRPC HTTP GET (session cookie, X-Tenant, RLS as
// uc_app) against the same statements in raw SQL: the statements are captured from the service
// itself (items.explain.ts), so the baseline cannot drift from what the API does; the ratio is
// what HTTP, tRPC, validation and the service's own work add. `--scale=N` sets the number of
// items (default 100 000 over 2 000 agreements and 300 federations; smaller scales shrink all three).

const PASSWORD = 'bench-password-2026';

export function scaleFor(items: number | undefined): ItemsScale {
  if (!items || items >= FULL_SCALE.items) return { ...FULL_SCALE, items: items ?? FULL_SCALE.items };
  const f = items / FULL_SCALE.items;
  return { federations: Math.max(20, Math.round(FULL_SCALE.federations * f)), agreements: Math.max(40, Math.round(FULL_SCALE.agreements * f)), items };
}

export const bench: Bench = {
  description: 'jointItem.myItems and dashboard.panels over HTTP vs the same statements in raw SQL, 300 federations × 2 000 agreements × 100 000 items',
  async run(opts: BenchOptions) {
    const scale = scaleFor(opts.scale);
    const db = await createBenchDatabase();
    const today = chinaDate(new Date());
    console.log(`database ${db.name}; loading ${scale.federations} federations, ${scale.agreements} agreements, ${scale.items} items …`);
    let api: Awaited<ReturnType<typeof startBenchApi>> | null = null;
    let raw: Awaited<ReturnType<typeof rawSql>> | null = null;
    let app: DbHandle | null = null;
    try {
      const t0 = Date.now();
      const data = await loadItemsData(db.owner.query, scale, randomBytes(2).toString('hex'), today, await hashPassword(PASSWORD));
      const [c] = await db.owner.query<Record<string, number>>(`select (select count(*)::int from joint_item) as items, (select count(*)::int from joint_milestone) as milestones,
        (select count(*)::int from joint_item_update) as updates, (select count(*)::int from joint_item_activity) as activity`);
      console.log(`loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${c!.items} items, ${c!.milestones} milestones, ${c!.updates} updates, ${c!.activity} activity entries`);

      const fed = data.federations[0]!;
      const email = data.leadEmail(fed.slug);
      const [user] = await db.owner.query<{ id: string }>(`select id from app_user where email = $1`, [email]);
      const [ag] = await db.owner.query<{ id: string }>(`select id from agreement where tenant_id = $1 and status = 'active' limit 1`, [fed.id]);
      api = await startBenchApi(db.appUrl);
      const client = new TrpcHttpClient(api.url);
      await client.signIn(email, PASSWORD);
      const tenant = client.withTenant(fed.slug);
      raw = await rawSql(db.appUrl);
      app = await createDb({ kind: 'postgres', url: db.appUrl, max: 2 });
      const base: Omit<ServiceCtx, 'db'> = { tenantId: fed.id, actor: { ...systemActor, userId: user!.id, label: email, roles: ['lead'] }, now: new Date(), locale: 'zh-CN', env: api.env };

      registerModules(); // the dashboard's panels
      const cases = [
        { name: 'my-items', path: 'jointItem.myItems', input: {}, run: (ctx: ServiceCtx) => myItems(ctx, { includeClosed: false, limit: 200 }) },
        { name: 'dashboard[federation]', path: 'dashboard.panels', input: { scope: 'federation', modules: ['items'] }, run: (ctx: ServiceCtx) => dashboardPanels(ctx, { scope: 'federation', weeks: 12, modules: ['items'] }) },
        {
          name: 'dashboard[agreement]',
          path: 'dashboard.panels',
          input: { scope: 'agreement', agreementId: ag!.id, modules: ['items'] },
          run: (ctx: ServiceCtx) => dashboardPanels(ctx, { scope: 'agreement', agreementId: ag!.id, weeks: 12, modules: ['items'] }),
        },
      ];

      console.log(`server ${api.url} as uc_app; ${opts.warmup} warm-up + ${opts.iterations} measured rounds per case, interleaved`);
      const lines: string[] = [];
      const captured = new Map<string, Statement[]>();
      for (const k of cases) {
        let direct: unknown;
        const statements = await captureStatements(app, base, async (ctx) => (direct = await k.run(ctx)));
        captured.set(k.name, statements);
        const viaApi = () => tenant.query<unknown>(k.path, k.input);
        const viaSql = () => raw!.tenant(fed.id, async (q) => {
          for (const s of statements) await q(s.query, s.params);
        });
        // the API must answer what the service answered when its statements were captured
        const answer = await viaApi();
        if (canonicalJson(answer) !== canonicalJson(direct)) throw new Error(`${k.name}: the API answer differs from the captured run`);
        const size = Array.isArray(answer) ? `rows=${answer.length}` : `panels=${(answer as { panels: unknown[] }).panels.length}`;
        const r = await measurePair(viaApi, viaSql, opts);
        const line = `${summaryLine(`items[${k.name}]`, r)} statements=${statements.length} ${size}`;
        lines.push(line);
        console.log(line);
      }

      if (opts.explain) {
        let seq = 0;
        for (const k of cases) {
          console.log(`\n--- EXPLAIN items[${k.name}] (as uc_app, tenant set; costs off)`);
          for (const p of await explainStatements(app, base, captured.get(k.name)!)) {
            seq += p.seqScans.length;
            console.log(`${p.statement.query.slice(0, 150)}…\n${p.plan.map((l) => `    ${l}`).join('\n')}`);
          }
        }
        console.log(`\nsequential scans on tenant tables: ${seq}`);
        console.log('\nsummary');
        for (const l of lines) console.log(l);
      }
    } finally {
      await app?.close();
      await raw?.close();
      await api?.close();
      await db.drop();
      console.log(`dropped ${db.name}`);
    }
  },
};
