import { migrateDatabase, openDatabase } from './bootstrap.ts';
import { loadEnv } from './env.ts';
import { seedDemo } from './seed/demo.ts';

const command = process.argv[2];
const env = loadEnv();
const db = await openDatabase(env);
try {
  if (command === 'migrate') {
    await migrateDatabase(env, db);
    console.log('migrations applied');
  } else if (command === 'seed') {
    await migrateDatabase(env, db);
    console.log(`demo data: ${await seedDemo(db.db, env)}`);
  } else {
    console.error('usage: cli.ts migrate|seed');
    process.exitCode = 2;
  }
} finally {
  await db.close();
}
