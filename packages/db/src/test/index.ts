import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type DbHandle } from '../client.ts';
import { createFromTemplate, pgliteImage } from './images.ts';
import { withDatabase, withUser } from './urls.ts';
import { APP_ROLE } from '../tenant.ts';

export { withDatabase, withUser };

export interface TestDb extends DbHandle {
  // db: the app's handle (on the server it logs in as the app role); query(): raw SQL as the owner
  /** a connection string for the app role on the server database (postgres engine only) */
  appUrl?: string;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the server named by TEST_DATABASE_URL (dropped again by close()). Both start from an image
 * migrated once per set of migrations (images.ts), not from an empty database.
 */
export async function createTestDb(opts: { engine?: 'pglite' | 'postgres' } = {}): Promise<TestDb> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const engine = opts.engine ?? (serverUrl ? 'postgres' : 'pglite');
  if (engine === 'pglite') {
    return createDb({ kind: 'pglite', image: await pgliteImage() });
  }
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `uc_test_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(serverUrl, name);
  const ownerUrl = withDatabase(serverUrl, name);
  const appUrl = withUser(ownerUrl, APP_ROLE);
  // the app connects as the app role, exactly as in production; query() stays the owner's
  const handle = await createDb({ kind: 'postgres', url: appUrl, max: 20 });
  const ownerHandle = await createDb({ kind: 'postgres', url: ownerUrl, max: 2 });
  return {
    ...handle,
    query: ownerHandle.query,
    appUrl,
    close: async () => {
      await handle.close();
      await ownerHandle.close();
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
