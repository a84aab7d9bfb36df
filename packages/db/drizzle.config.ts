import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL from the schema; migrations are applied by src/migrate.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './migrations',
});
