/**
 * Vite build of the DX Pulse web app. Run from the repository root:
 *   vite build --config app/vite.config.ts   → app/dist (served by the Fastify server)
 *   vite --config app/vite.config.ts          → dev server proxying the API to :8080
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.DXPULSE_API_URL ?? 'http://localhost:8080';

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/healthz': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
