import { defineConfig } from 'vitest/config';

// Pure helpers and the message catalogues only; the screens are covered by the e2e journeys.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], environment: 'node', sequence: { shuffle: true } },
});
