// What scripts/build-editor.mjs and scripts/build-embed.mjs share: they run after the library
// build and add one minified file of their own to dist/.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export const dist = 'dist';

/** Stop unless `vite build` has written dist/lotse.js. */
export function requireLibraryBuild() {
  if (!existsSync(join(dist, 'lotse.js'))) {
    console.error('dist/lotse.js is missing: run `vite build` first.');
    process.exit(1);
  }
}

/** One entry bundled into one minified file in dist/ (`lib` as in Vite's library mode; `alias` as in Vite's `resolve.alias`). */
export async function bundle(lib, alias = []) {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias },
    build: {
      outDir: dist,
      emptyOutDir: false,
      target: 'es2021',
      minify: true,
      lib,
      rolldownOptions: { output: { minify: true } },
    },
  });
}
