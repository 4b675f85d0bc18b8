// SPDX-License-Identifier: EUPL-1.2
// The web app: root src/web, built to dist/web (served by the API server with an SPA fallback).
// In development (`npx vite`) /api is proxied to the API server on port 3000.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    // Leaflet is loaded only by the map chunk (React.lazy); the main chunk stays small.
    chunkSizeWarningLimit: 400,
    // Plugin timing reports are noise in test logs.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
