import { parseArgs } from 'node:util';
import { federationCreateInput } from '@uc/contracts';
import { migrateDatabase, openDatabase } from './bootstrap.ts';
import { loadEnv } from './env.ts';
import { registerModules } from './modules/index.ts';
import { createFederation, createOperator } from './modules/platform/index.ts';
import { seedDemo } from './seed/demo.ts';

// pnpm --filter @uc/api cli migrate | seed
//   | operator:create --email it@zjftu.org --name "省总信息中心"
//   | federation:create --slug wenzhou --name-zh 温州市总工会 --name-en "Wenzhou FTU" --city 温州
//       --region 330300 --contact-name 张三 --contact-email office@wzftu.org [--contact-phone …]
//       --admin-email admin@wzftu.org --admin-name 李四
const command = process.argv[2];
const { values: args } = parseArgs({
  args: process.argv.slice(3),
  strict: false,
  options: Object.fromEntries(
    ['email', 'name', 'slug', 'name-zh', 'name-en', 'city', 'region', 'contact-name', 'contact-email', 'contact-phone', 'admin-email', 'admin-name'].map((k) => [k, { type: 'string' as const }]),
  ),
});
const arg = (k: string) => (typeof args[k] === 'string' ? (args[k] as string) : '');
const env = loadEnv();
const db = await openDatabase(env);
try {
  if (command === 'migrate') {
    await migrateDatabase(env, db);
    console.log('migrations applied');
  } else if (command === 'seed') {
    await migrateDatabase(env, db);
    console.log(`demo data: ${await seedDemo(db.db, env)}`);
  } else if (command === 'operator:create') {
    await migrateDatabase(env, db);
    if (!arg('email')) throw new Error('--email is required');
    const { password } = await createOperator(db.db, { email: arg('email'), displayName: arg('name') || arg('email') }, new Date());
    console.log(password ? `operator created; one-time password (change it at first sign-in): ${password}` : 'existing user promoted to operator');
  } else if (command === 'federation:create') {
    await migrateDatabase(env, db);
    registerModules();
    const input = federationCreateInput.parse({
      slug: arg('slug'),
      nameZh: arg('name-zh'),
      nameEn: arg('name-en'),
      city: arg('city'),
      regionCode: arg('region'),
      contactName: arg('contact-name'),
      contactEmail: arg('contact-email'),
      contactPhone: arg('contact-phone'),
      adminEmail: arg('admin-email'),
      adminName: arg('admin-name'),
    });
    const r = await createFederation({ db: db.db, now: new Date(), actor: { userId: null, label: 'cli', ip: null }, env }, input);
    console.log(`federation ${r.slug} created; the first admin's invitation is in the email outbox`);
  } else {
    console.error('usage: cli.ts migrate | seed | operator:create --email … | federation:create --slug … (see README)');
    process.exitCode = 2;
  }
} finally {
  await db.close();
}
