import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { createDb } from '../client.ts';
import { migrationsFolder, runMigrations } from '../migrate.ts';
import { withDatabase } from './urls.ts';

// Migrating a fresh database costs ~5 s on PGlite and ~1 s on the server, once per test file
// (over a hundred files, both engines). Each engine migrates once per set of migration files
// instead: PGlite from a dumped data directory kept in the temp folder, the server from a template
// database; both are named by a hash of the migration files, so a new migration makes a new image
// and an image is never stale (decisions/0042).

/** A hash of every migration file and the journal: the image's name. */
export async function migrationsHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql')).sort(), 'meta/_journal.json'];
  for (const f of files) hash.update(f).update('\0').update(await readFile(join(migrationsFolder, f))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

/** A migrated PGlite data directory, as a tar image: built on first use, then read from the temp folder. */
export async function pgliteImage(): Promise<Blob> {
  const dir = join(tmpdir(), 'uc-test-images');
  const file = join(dir, `pglite-${await migrationsHash()}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // not built yet (or removed): build it below
  }
  const client = new PGlite();
  try {
    await migratePglite(drizzlePglite(client), { migrationsFolder });
    const image = await client.dumpDataDir('none');
    await mkdir(dir, { recursive: true });
    // images of other migrations are of no further use (a reader already holding one keeps its copy)
    for (const old of await readdir(dir)) if (old.startsWith('pglite-') && join(dir, old) !== file) await rm(join(dir, old), { force: true });
    // written aside and renamed: a file running beside this one never reads half an image
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await image.arrayBuffer()));
    await rename(partial, file);
    return image;
  } finally {
    await client.close();
  }
}

/**
 * Creates database `name` on the server at `serverUrl` as a copy of a migrated template, built once
 * under an advisory lock (files running at once wait for the first to finish). A template left
 * half-built by a killed run is not marked as a template and is built again; templates of other
 * migrations are dropped. The copy is made under the same lock, so no run drops a template that
 * another is copying.
 */
export async function createFromTemplate(serverUrl: string, name: string): Promise<void> {
  const template = `uc_tpl_${await migrationsHash()}`;
  // advisory locks belong to one database: every run on this server takes the lock in `postgres`,
  // whatever database its TEST_DATABASE_URL names, or two runs of different migrations would drop
  // each other's templates mid-copy (seen: a CI run's connection to its template terminated)
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin`select pg_advisory_lock(hashtext('uc test template'))`;
    const [row] = await admin<{ ready: boolean }[]>`select datistemplate as ready from pg_database where datname = ${template}`;
    if (!row?.ready) await buildTemplate(admin, serverUrl, template, Boolean(row));
    await admin.unsafe(`create database ${name} template ${template}`);
  } finally {
    await admin`select pg_advisory_unlock(hashtext('uc test template'))`.catch(() => {});
    await admin.end();
  }
}

async function buildTemplate(admin: postgres.Sql, serverUrl: string, template: string, halfBuilt: boolean): Promise<void> {
  if (halfBuilt) await admin.unsafe(`drop database ${template} with (force)`);
  const stale = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'uc\\_tpl\\_%' and datname <> ${template}`;
  for (const { datname } of stale) {
    await admin.unsafe(`alter database ${datname} is_template false`);
    await admin.unsafe(`drop database if exists ${datname} with (force)`);
  }
  await admin.unsafe(`create database ${template}`);
  const owner = await createDb({ kind: 'postgres', url: withDatabase(serverUrl, template), max: 1 });
  try {
    await runMigrations(owner);
  } finally {
    await owner.close();
  }
  await admin.unsafe(`alter database ${template} is_template true`);
}
