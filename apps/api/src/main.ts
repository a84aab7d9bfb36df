import { assertSafeRole, migrateDatabase, openDatabase } from './bootstrap.ts';
import { loadEnv } from './env.ts';
import { createApp, listen } from './http/server.ts';
import { startJobs } from './jobs/boss.ts';
import { closeRenderPool } from './lib/renderPool.ts';
import { configureAuditKey } from './modules/audit/index.ts';
import { registerModules } from './modules/index.ts';
import { seedDemo } from './seed/demo.ts';

registerModules(); // each module's downloads, dashboard panels and hooks, before anything runs
const env = loadEnv();
configureAuditKey(env.auditKey); // the audit chain's MACs and head statements (docs/decisions/0024)
const db = await openDatabase(env);
await migrateDatabase(env, db);
await assertSafeRole(db);
if (env.SEED_DEMO === 'true' || (env.SEED_DEMO === undefined && !env.DATABASE_URL)) {
  const summary = await seedDemo(db.db, env);
  console.log(`demo data: ${summary}`);
}
// after migrations: pg-boss installs its own schema on start (jobs/boss.ts); it also delivers the outbox
const jobs = await startJobs({ db, env });
const server = await listen(createApp({ env, db }), env.PORT, env.HOST);
console.log(`Union Commons listening on http://${env.HOST}:${env.PORT} (database: ${db.kind})`);

const shutdown = async () => {
  server.close();
  await jobs.stop();
  await closeRenderPool();
  await db.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
