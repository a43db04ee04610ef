import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is built into dist/web, which the API server serves (same origin,
// SPA fallback to index.html). During `vite` development the API is proxied to the local server.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // Under a strict CSP ('self') nothing may be inlined as a script; keep assets as files.
    assetsInlineLimit: 0,
    // One bundle of ~470 kB (~145 kB gzipped) for a signed-in back-office app is fine.
    chunkSizeWarningLimit: 1000,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
