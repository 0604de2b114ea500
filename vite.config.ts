import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';
import { contactEndpoint } from './demo/contact-endpoint.js';

const src = (path: string) => resolve(import.meta.dirname, 'src', path);

/**
 * Lit keeps css`…` templates as written, whitespace and comments included. Collapse them in
 * the build (our styles hold no strings where whitespace matters): about 1 kB less per widget.
 */
/** `npm start` prints http://127.0.0.1:5173/; the demo lives at /demo/. */
function demoAtRoot(): Plugin {
  return {
    name: 'lotse-demo-at-root',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url !== '/' && req.url !== '/index.html') return next();
        res.statusCode = 302;
        res.setHeader('Location', '/demo/');
        res.end();
      });
    },
  };
}

function minifyLitCss(): Plugin {
  const collapse = (css: string) =>
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')
      .trim();
  return {
    name: 'lotse-minify-lit-css',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: code.replace(/css`([^`]*)`/g, (_, body: string) => `css\`${collapse(body)}\``), map: null };
    },
  };
}

/**
 * `npm start` serves the demo page /demo/ (the sample feed demo/public/services.json is
 * served as /services.json).
 * `npm run build` builds the library: dist/lotse.js with all four widgets, one entry per
 * widget sharing common chunks, and per language one lazy chunk of translations per part
 * (src/core/ and each widget folder).
 */
export default defineConfig({
  publicDir: 'demo/public',
  // URLs between built files relative to the file (the worker's URL from its chunk): dist/ may
  // be served from any path.
  base: './',
  plugins: [demoAtRoot(), contactEndpoint(), minifyLitCss()],
  server: { host: '127.0.0.1', port: 5173, open: '/demo/' },
  // The feed worker (src/core/feed/feed-worker.ts) is a module chunk next to the others, on the
  // same origin as the bundle (a module worker must be), minified like them.
  worker: {
    format: 'es',
    rolldownOptions: { output: { minify: true, entryFileNames: 'chunks/[name]-[hash].js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2021',
    minify: true,
    // Maps without a `sourceMappingURL` comment in each file (about 0.5 kB for a visitor of the
    // finder): the maps are in dist/ for whoever debugs, and scripts read them by name.
    sourcemap: 'hidden',
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
      // A widget's entry file holds its code (and may export what lotse.js takes from it) instead
      // of re-exporting a chunk of the same code: one file less per widget (64 bytes for the finder).
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        entryFileNames: '[name].js',
        // What every widget loads (Lit, lit-localize and the element base with its static
        // imports) in one chunk: as three (Lit is also the lazy map's, lit-localize also the
        // translations') each cost gzip its own warm-up, about 0.9 kB per widget. The built-in
        // vocabularies' labels (labels.ts) too: the finder, the hours map and the contact form
        // show them; as a chunk of its own it cost the finder 0.15 kB, here the quick-check 0.5 kB.
        codeSplitting: {
          groups: [
            { name: 'define', test: /[\\/]src[\\/]core[\\/](base-element|define|labels)\.ts$/ },
            // What the finder and the hours map list services with (slices of work, distances,
            // Lit's repeat): one chunk instead of three, 0.2 kB less for the finder.
            // Opening times stay a chunk of their own: the quick-check needs them, not these.
            {
              name: 'listing',
              test: /[\\/](src[\\/]core[\\/](geo|feed[\\/]slices)\.ts|lit(-html)?[\\/](directive|directive-helpers|directives[\\/]repeat)\.js)$/,
            },
          ],
        },
        // A translation chunk is named by language and part (src/generated/locales/<part>/<locale>.ts →
        // chunks/uk-service-finder-[hash].js): every part's file has the language as its name. A
        // lazy module's part (src/generated/locales/lazy/<part>/<locale>.ts) loads with that
        // module: chunks/<part>-text-<locale>-[hash].js, a lazy row of the size budgets.
        chunkFileNames: (chunk) => {
          const [, lazy, part, locale] = /\/generated\/locales\/(lazy\/)?([\w-]+)\/(\w+)\.ts$/.exec(chunk.facadeModuleId ?? '') ?? [];
          if (!part) return 'chunks/[name]-[hash].js';
          return lazy ? `chunks/${part}-text-${locale}-[hash].js` : `chunks/${locale}-${part}-[hash].js`;
        },
      },
    },
  },
});
