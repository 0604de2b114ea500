import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import { contactEndpoint } from './demo/contact-endpoint.js';

const src = (path: string) => resolve(import.meta.dirname, 'src', path);

/**
 * `npm start` serves the demo page /demo/ (the sample feed demo/public/services.json is
 * served as /services.json).
 * `npm run build` builds the library: dist/lotse.js with all four widgets, one entry per
 * widget sharing common chunks, and one lazy chunk per language.
 */
export default defineConfig({
  publicDir: 'demo/public',
  plugins: [contactEndpoint()],
  server: { host: '127.0.0.1', port: 5173, open: '/demo/' },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2021',
    minify: true,
    sourcemap: true,
    lib: {
      entry: {
        lotse: src('index.ts'),
        'service-finder': src('service-finder/service-finder.ts'),
        'hours-map': src('hours-map/hours-map.ts'),
        'quick-check': src('quick-check/quick-check.ts'),
        'contact-form': src('contact-form/contact-form.ts'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        minify: true,
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
