import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle } from '@uc/db';
import { createTestDb, withUser, type TestDb } from '@uc/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertSafeRole } from './bootstrap.ts';

// DESIGN §3.3: on a server the API refuses to serve as a role that could read past row-level
// security. PGlite has a single superuser and switches to the app role in every transaction.

const serverUrl = process.env.TEST_DATABASE_URL;

describe('assertSafeRole on PGlite', () => {
  it('has nothing to check (one embedded superuser; every query runs as the app role per transaction)', async () => {
    const t = await createTestDb({ engine: 'pglite' });
    try {
      await expect(assertSafeRole(t)).resolves.toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe.skipIf(!serverUrl)('assertSafeRole on the PostgreSQL server (needs TEST_DATABASE_URL; PGlite has no login roles)', () => {
  let t: TestDb;
  const opened: DbHandle[] = [];
  const extraRoles: string[] = [];
  const open = async (url: string) => {
    const handle = await createDb({ kind: 'postgres', url, max: 1 });
    opened.push(handle);
    return handle;
  };
  // the owner's URL for this test database (TEST_DATABASE_URL's user, here a superuser)
  const ownerUrl = () => {
    const u = new URL(t.appUrl!);
    const s = new URL(serverUrl!);
    u.username = s.username;
    u.password = s.password;
    return u.toString();
  };

  beforeAll(async () => {
    t = await createTestDb({ engine: 'postgres' });
  });
  afterAll(async () => {
    for (const h of opened) await h.close();
    // roles belong to the whole server: drop them (as the owner) before the test database goes
    for (const r of extraRoles) await t?.query(`drop role if exists ${r}`);
    await t?.close();
  });

  it('accepts the app role (uc_app)', async () => {
    const app = await open(t.appUrl!);
    const [me] = await app.query<{ u: string }>(`select current_user as u`);
    expect(me!.u).toBe('uc_app');
    await expect(assertSafeRole(app)).resolves.toBeUndefined();
  });

  it('refuses a superuser connection', async () => {
    const owner = await open(ownerUrl());
    const [me] = await owner.query<{ rolsuper: boolean }>(`select rolsuper from pg_roles where rolname = current_user`);
    expect(me!.rolsuper).toBe(true);
    await expect(assertSafeRole(owner)).rejects.toThrow(/Refusing to serve/);
  });

  it('refuses a role with BYPASSRLS, and a login role that can become a superuser (member of one)', async () => {
    const suffix = randomBytes(4).toString('hex');
    const bypass = `uc_test_bypass_${suffix}`;
    const sneaky = `uc_test_member_${suffix}`;
    extraRoles.push(bypass, sneaky);
    await t.query(`create role ${bypass} login nosuperuser bypassrls`);
    await t.query(`create role ${sneaky} login nosuperuser nobypassrls`);
    // e.g. a deployment that "simply" grants the owner's role to the web login
    await t.query(`grant ${new URL(serverUrl!).username || 'postgres'} to ${sneaky}`);
    await expect(assertSafeRole(await open(withUser(t.appUrl!, bypass)))).rejects.toThrow(/Refusing to serve/);
    await expect(assertSafeRole(await open(withUser(t.appUrl!, sneaky)))).rejects.toThrow(/Refusing to serve/);
  });
});
