import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The SPA lives in src/web and is served by Fastify from dist/web.
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: false,
    // the Utrecht component library is one large module; the app is a back-office SPA
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
});
