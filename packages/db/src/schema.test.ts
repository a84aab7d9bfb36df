import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_TABLES } from './schema/global.ts';
import { APP_ROLE } from './tenant.ts';
import { createTestDb, type TestDb } from './test/index.ts';

// DESIGN §3.5: every tenant table meets the tenancy rules, on PGlite and on the server.
const engines = (['pglite', 'postgres'] as const).filter((e) => e === 'pglite' || process.env.TEST_DATABASE_URL);

describe.each(engines)('schema tenancy rules on %s', (engine) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb({ engine });
  });
  afterAll(async () => t?.close());

  const tables = async () =>
    (
      await t.query<{ table_name: string }>(
        `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like '__drizzle%' order by 1`,
      )
    ).map((r) => r.table_name);

  it('has only the allow-listed global tables without tenant_id', async () => {
    const withTenant = await t.query<{ table_name: string }>(
      `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id'`,
    );
    const tenantTables = new Set(withTenant.map((r) => r.table_name));
    const globals = (await tables()).filter((n) => !tenantTables.has(n));
    expect(globals.sort()).toEqual([...GLOBAL_TABLES].sort());
  });

  it('leads every tenant table primary key with tenant_id', async () => {
    const rows = await t.query<{ table_name: string; first_col: string }>(`
      select c.relname as table_name, a.attname as first_col
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
      where k.contype = 'p' and c.relnamespace = 'public'::regnamespace`);
    for (const name of await tables()) {
      if ((GLOBAL_TABLES as readonly string[]).includes(name)) continue;
      expect(rows.find((r) => r.table_name === name)?.first_col, name).toBe('tenant_id');
    }
  });

  it('includes tenant_id in every foreign key between tenant tables', async () => {
    const fks = await t.query<{ name: string; src: string; dst: string; cols: string[]; refs: string[] }>(`
      select k.conname as name, s.relname as src, d.relname as dst,
        array(select a.attname::text from unnest(k.conkey) n join pg_attribute a on a.attrelid = k.conrelid and a.attnum = n) as cols,
        array(select a.attname::text from unnest(k.confkey) n join pg_attribute a on a.attrelid = k.confrelid and a.attnum = n) as refs
      from pg_constraint k join pg_class s on s.oid = k.conrelid join pg_class d on d.oid = k.confrelid
      where k.contype = 'f' and s.relnamespace = 'public'::regnamespace`);
    const global = GLOBAL_TABLES as readonly string[];
    const between = fks.filter((f) => !global.includes(f.src) && !global.includes(f.dst));
    expect(between.length).toBeGreaterThan(0);
    // the key includes the target's tenant_id: the row's own tenant_id, or (agreement_party) the owner's
    for (const fk of between) expect(fk.refs, fk.name).toContain('tenant_id');
    for (const fk of between.filter((f) => f.src !== 'agreement_party')) expect(fk.cols, fk.name).toContain('tenant_id');
  });

  it('enables and forces row-level security with a policy reading app.tenant_id on every tenant table', async () => {
    const rls = await t.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `select relname, relrowsecurity, relforcerowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`,
    );
    const policies = await t.query<{ tablename: string; qual: string }>(`select tablename, qual from pg_policies where schemaname = 'public'`);
    for (const name of await tables()) {
      if ((GLOBAL_TABLES as readonly string[]).includes(name)) continue;
      const r = rls.find((x) => x.relname === name);
      expect(r?.relrowsecurity, `${name} rls`).toBe(true);
      expect(r?.relforcerowsecurity, `${name} forced`).toBe(true);
      const p = policies.filter((x) => x.tablename === name);
      expect(p.length, `${name} policy`).toBeGreaterThan(0);
      expect(p.some((x) => x.qual.includes("current_setting('app.tenant_id'"))).toBe(true);
    }
  });

  it('runs the app as a role that is not superuser, has no BYPASSRLS and owns no table', async () => {
    const [role] = await t.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      `select rolsuper, rolbypassrls from pg_roles where rolname = $1`,
      [APP_ROLE],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const owned = await t.query(`select tablename from pg_tables where schemaname = 'public' and tableowner = $1`, [APP_ROLE]);
    expect(owned).toEqual([]);
  });
});
