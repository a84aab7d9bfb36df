import { mkdirSync } from 'node:fs';
import { APP_ROLE, createDb, runMigrations, type DbHandle } from '@uc/db';
import type { Env } from './env.ts';

/** Opens the database the environment names: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export async function openDatabase(env: Env): Promise<DbHandle> {
  if (env.DATABASE_URL) return createDb({ kind: 'postgres', url: env.DATABASE_URL, max: 20 });
  mkdirSync(env.DATA_DIR, { recursive: true });
  return createDb({ kind: 'pglite', dataDir: env.DATA_DIR });
}

/** Applies migrations as the schema owner (MIGRATION_DATABASE_URL, else DATABASE_URL; PGlite: the open handle). */
export async function migrateDatabase(env: Env, handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') return runMigrations(handle);
  const owner = await createDb({ kind: 'postgres', url: env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL!, max: 1 });
  try {
    await runMigrations(owner);
  } finally {
    await owner.close();
  }
}

/**
 * On a server, refuse to serve when the login role could read past row-level security:
 * superuser, BYPASSRLS, or owner of the tables, itself or through a role it is a member of
 * (a member can SET ROLE to it). (PGlite has one superuser; every query there switches to the
 * app role per transaction, see withTenant.)
 */
export async function assertSafeRole(handle: DbHandle): Promise<void> {
  if (handle.kind !== 'postgres') return;
  const [me] = await handle.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean; owns: boolean }>(
    `select current_user as rolname,
       bool_or(r.rolsuper) as rolsuper, bool_or(r.rolbypassrls) as rolbypassrls,
       bool_or(exists (select 1 from pg_tables t where t.schemaname = 'public' and t.tableowner = r.rolname)) as owns
     from pg_roles r where pg_has_role(current_user, r.oid, 'MEMBER')`,
  );
  const [app] = await handle.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
    `select rolsuper, rolbypassrls from pg_roles where rolname = $1`,
    [APP_ROLE],
  );
  if (!me || me.rolsuper || me.rolbypassrls || me.owns) {
    throw new Error(
      `Refusing to serve: DATABASE_URL logs in as "${me?.rolname}", which can bypass row-level security. ` +
        `Connect as ${APP_ROLE} (DATABASE_URL) and migrate as the owner (MIGRATION_DATABASE_URL).`,
    );
  }
  if (!app || app.rolsuper || app.rolbypassrls) throw new Error(`Refusing to serve: role ${APP_ROLE} is missing or can bypass RLS`);
}
