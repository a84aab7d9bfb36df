import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from './client.ts';
import { members, memberships, orgUnits } from './schema/core.ts';
import { GLOBAL_TABLES } from './schema/global.ts';
import { APP_ROLE, rowsOf, withoutTenant, withTenant } from './tenant.ts';
import { createTestDb, type TestDb } from './test/index.ts';

// Row-level security, straight at the database (DESIGN §3): the app role inside one tenant's
// context neither sees nor writes another tenant's rows, composite foreign keys keep rows from
// being attached across tenants, and outside any tenant context no tenant row is visible.
// Fixtures are written as the owner (t.query), which is not subject to the policies.

const errorText = (e: unknown): string => (e instanceof Error ? `${e.message} ${errorText(e.cause)} ${(e as { code?: string }).code ?? ''}` : String(e ?? ''));
const failureOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => errorText(e),
  );

describe('row-level security', () => {
  let t: TestDb;
  const fedA = randomUUID();
  const fedB = randomUUID();
  const unitA = randomUUID();
  const unitB = randomUUID();
  const memberA = randomUUID();
  const memberB = randomUUID();
  const userId = randomUUID();
  let tenantTables: string[] = [];

  beforeAll(async () => {
    t = await createTestDb();
    for (const [id, slug] of [
      [fedA, 'rls-a'],
      [fedB, 'rls-b'],
    ]) {
      await t.query(`insert into federation (id, slug, name_zh, name_en, city) values ($1, $2, $2, $2, $2)`, [id, slug]);
    }
    await t.query(`insert into app_user (id, email, display_name, password_hash) values ($1, 'rls@example.test', 'rls', 'x')`, [userId]);
    for (const [tenant, unit, member] of [
      [fedA, unitA, memberA],
      [fedB, unitB, memberB],
    ]) {
      await t.query(`insert into org_unit (tenant_id, id, name, kind) values ($1, $2, 'root', 'city')`, [tenant, unit]);
      await t.query(
        `insert into member (tenant_id, id, org_unit_id, name, id_number_enc, id_number_hmac, id_number_masked) values ($1, $2, $3, $4, 'enc', $4, 'masked')`,
        [tenant, member, unit, `member-${member}`],
      );
      await t.query(`insert into member_honour (tenant_id, member_id, kind, source, valid_from) values ($1, $2, 'model_worker', 'test', '2024-01-01')`, [
        tenant,
        member,
      ]);
      await t.query(`insert into invitation (tenant_id, email, display_name, roles, token_hash, expires_at) values ($1, 'i@example.test', 'i', '{officer}', $2, now() + interval '1 day')`, [
        tenant,
        `hash-${tenant}`,
      ]);
      await t.query(`insert into outbox (tenant_id, to_email, subject, body_text) values ($1, 'o@example.test', 's', 'b')`, [tenant]);
      await t.query(
        `insert into audit_event (tenant_id, seq, at, actor_label, type, entity_type, prev_hash, hash) values ($1, 1, now(), 'x', 't', 'e', 'p', 'h')`,
        [tenant],
      );
      await t.query(`insert into audit_head (tenant_id, seq, hash) values ($1, 1, 'h')`, [tenant]);
      await t.query(`insert into membership (tenant_id, user_id, roles) values ($1, $2, '{officer}')`, [tenant, userId]);
    }
    tenantTables = (
      await t.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by 1`,
      )
    ).map((r) => r.table_name);
  });
  afterAll(async () => t?.close());

  const count = async (db: Parameters<Parameters<typeof withTenant>[2]>[0], table: string, where = 'true') =>
    Number(rowsOf<{ n: string | number }>(await db.execute(sql.raw(`select count(*) as n from ${table} where ${where}`)))[0]!.n);

  it('knows the tenant tables (and the fixtures reach the core ones)', () => {
    expect(tenantTables).toEqual(expect.arrayContaining(['org_unit', 'member', 'member_honour', 'invitation', 'outbox', 'audit_event', 'audit_head', 'membership']));
    for (const g of GLOBAL_TABLES) expect(tenantTables).not.toContain(g);
  });

  describe("inside withTenant(A)", () => {
    it("sees none of B's rows in any tenant table, and its own core rows", async () => {
      await withTenant(t.db, fedA, async (tx) => {
        for (const table of tenantTables) expect(await count(tx, table, `tenant_id = '${fedB}'`), table).toBe(0);
        for (const table of ['org_unit', 'member', 'member_honour', 'invitation', 'outbox', 'audit_event', 'audit_head', 'membership']) {
          expect(await count(tx, table), table).toBe(1);
        }
      });
    });

    it("finds B's member and org unit by id as nothing", async () => {
      await withTenant(t.db, fedA, async (tx) => {
        expect(await tx.select().from(members).where(sql`${members.id} = ${memberB}`)).toEqual([]);
        expect(await tx.select().from(orgUnits).where(sql`${orgUnits.id} = ${unitB}`)).toEqual([]);
        expect((await tx.select().from(members)).map((m) => m.id)).toEqual([memberA]);
      });
    });

    it("cannot change or delete B's rows (they match nothing)", async () => {
      const changed = await withTenant(t.db, fedA, async (tx) => {
        const u = await tx.update(members).set({ name: 'hijacked' }).where(sql`${members.id} = ${memberB}`).returning();
        const d = await tx.delete(orgUnits).where(sql`${orgUnits.id} = ${unitB}`).returning();
        return u.length + d.length;
      });
      expect(changed).toBe(0);
      expect(await t.query(`select name from member where id = $1`, [memberB])).toEqual([{ name: `member-${memberB}` }]);
    });

    it("refuses an INSERT carrying B's tenant_id (policy WITH CHECK)", async () => {
      const unit = failureOf(withTenant(t.db, fedA, (tx) => tx.insert(orgUnits).values({ tenantId: fedB, name: 'planted', kind: 'district', parentId: unitB })));
      expect(await unit).toMatch(/row-level security/i);
      const outbox = failureOf(
        withTenant(t.db, fedA, (tx) => tx.execute(sql`insert into outbox (tenant_id, to_email, subject, body_text) values (${fedB}, 'x@example.test', 's', 'b')`)),
      );
      expect(await outbox).toMatch(/row-level security/i);
      expect(await t.query(`select 1 from org_unit where name = 'planted'`)).toEqual([]);
    });

    it("refuses moving its own row into B (UPDATE … SET tenant_id)", async () => {
      const err = failureOf(withTenant(t.db, fedA, (tx) => tx.execute(sql`update outbox set tenant_id = ${fedB}`)));
      expect(await err).toMatch(/row-level security|violates foreign key/i);
    });

    it("cannot attach an A member to B's org unit (composite foreign key)", async () => {
      const err = failureOf(
        withTenant(t.db, fedA, (tx) =>
          tx.insert(members).values({ tenantId: fedA, orgUnitId: unitB, name: 'stray', idNumberEnc: 'e', idNumberHmac: 'stray', idNumberMasked: 'm' }),
        ),
      );
      expect(await err).toMatch(/member_org_unit_fk|23503/);
      const move = failureOf(withTenant(t.db, fedA, (tx) => tx.update(members).set({ orgUnitId: unitB }).where(sql`${members.id} = ${memberA}`)));
      expect(await move).toMatch(/member_org_unit_fk|23503/);
      // not even the owner, who is not subject to row-level security, can: it is the key that refuses
      const owner = failureOf(
        t.query(
          `insert into member (tenant_id, org_unit_id, name, id_number_enc, id_number_hmac, id_number_masked) values ($1, $2, 'stray', 'e', 'stray2', 'm')`,
          [fedA, unitB],
        ),
      );
      expect(await owner).toMatch(/member_org_unit_fk/);
      // nor hang an A unit under B's unit
      const child = failureOf(t.query(`insert into org_unit (tenant_id, parent_id, name, kind) values ($1, $2, 'child', 'district')`, [fedA, unitB]));
      expect(await child).toMatch(/org_unit_parent_fk/);
    });
  });

  describe('outside any tenant context', () => {
    it('the app role sees no tenant rows at all', async () => {
      await withoutTenant(t.db, async (tx) => {
        for (const table of tenantTables) expect(await count(tx, table), table).toBe(0);
        expect(rowsOf<{ r: string }>(await tx.execute(sql`select current_user as r`))[0]!.r).toBe(APP_ROLE);
      });
    });

    it('a user context shows that user their own memberships only (to list federations), nothing else', async () => {
      await withoutTenant(
        t.db,
        async (tx) => {
          expect((await tx.select().from(memberships)).map((m) => m.tenantId).sort()).toEqual([fedA, fedB].sort());
          expect(await count(tx, 'member')).toBe(0);
          expect(await count(tx, 'invitation')).toBe(0);
        },
        { userId },
      );
      await withoutTenant(t.db, async (tx) => expect(await count(tx, 'membership')).toBe(0), { userId: randomUUID() });
    });

    it('a user context may read its memberships but not change or delete them', async () => {
      await withoutTenant(
        t.db,
        async (tx) => {
          expect((await tx.update(memberships).set({ roles: ['admin'] }).where(eq(memberships.userId, userId)).returning()).length).toBe(0);
          expect((await tx.delete(memberships).where(eq(memberships.userId, userId)).returning()).length).toBe(0);
        },
        { userId },
      );
      await withoutTenant(t.db, async (tx) => expect((await tx.select().from(memberships)).length).toBe(2), { userId });
    });

    it('cannot insert a tenant row with no tenant set', async () => {
      const err = failureOf(withoutTenant(t.db, (tx) => tx.insert(orgUnits).values({ tenantId: fedA, name: 'orphan', kind: 'district' })));
      expect(await err).toMatch(/row-level security/i);
    });

    it.skipIf(!process.env.TEST_DATABASE_URL)('on the server, a bare app connection (no transaction helper) sees no tenant rows', async () => {
      for (const table of tenantTables) expect(await count(t.db, table), table).toBe(0);
    });
  });

  describe('tenant context does not outlive its transaction', () => {
    it('leaves nothing on a reused connection, after a commit and after a rollback', async () => {
      // one connection, so the next statement certainly reuses it (PGlite has only one anyway)
      const single: DbHandle = t.kind === 'postgres' ? await createDb({ kind: 'postgres', url: t.appUrl!, max: 1 }) : t;
      try {
        const setting = async () =>
          rowsOf<{ tenant: string | null; role: string }>(
            await single.db.execute(sql`select current_setting('app.tenant_id', true) as tenant, current_user as role`),
          )[0]!;
        const loginRole = (await setting()).role;
        await withTenant(single.db, fedA, async (tx) => expect(await count(tx, 'member')).toBe(1));
        expect((await setting()).tenant ?? '').toBe('');
        expect((await setting()).role).toBe(loginRole);
        await withTenant(single.db, fedB, async () => {
          throw new Error('rolled back');
        }).catch(() => {});
        expect((await setting()).tenant ?? '').toBe('');
        if (t.kind === 'postgres') expect(await count(single.db, 'member')).toBe(0);
      } finally {
        if (single !== t) await single.close();
      }
    });
  });
});
