import { tanstackRouter } from '@tanstack/router-plugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://127.0.0.1:3000';

// Route generation settings are read from tsr.config.json (shared with scripts/generate-routes.ts).
export default defineConfig({
  plugins: [tanstackRouter(), react()],
  server: {
    port: 5173,
    proxy: { '/api': api, '/healthz': api },
  },
  // AntD's core lands in one ~550 kB chunk (≈180 kB gzipped); the screens are split per route.
  build: { chunkSizeWarningLimit: 800 },
});
