import { defineConfig } from 'vite';
import { resolve } from 'node:path';

/**
 * The demo page (demo/index.html) and the finder-only page (demo/finder.html) as static files,
 * for `npm run lighthouse` (scripts/lighthouse.mjs). Not the library build: that is vite.config.ts.
 * The output folder comes from LOTSE_DEMO_OUT (default: node_modules/.cache/lotse-demo).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'demo'),
  publicDir: resolve(import.meta.dirname, 'demo/public'),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: process.env.LOTSE_DEMO_OUT ?? resolve(import.meta.dirname, 'node_modules/.cache/lotse-demo'),
    emptyOutDir: true,
    target: 'es2021',
    minify: true,
    rolldownOptions: {
      input: [resolve(import.meta.dirname, 'demo/index.html'), resolve(import.meta.dirname, 'demo/finder.html')],
    },
  },
});
