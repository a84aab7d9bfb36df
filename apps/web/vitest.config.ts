import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Pure helpers and the message catalogues only; the screens are covered by the e2e journeys.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: { include: ['src/**/*.test.ts'], setupFiles: ['src/lib/i18n.setup.ts'], environment: 'node', sequence: { shuffle: true } },
});
