// After the library build (dist/ exists): writes the iframe page dist/embed.html with its
// script dist/embed.js, and copies the framework type entry points src/types/*.d.ts to
// dist/types/types/ (tsc emits no .d.ts files that are already declarations).
// Run by `npm run build`; alone: `node scripts/build-embed.mjs`.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, dist, requireLibraryBuild } from './vite-bundle.mjs';

requireLibraryBuild();

// 1. demo/embed.ts → dist/embed.js (one file: it bundles the URL check of src/core/safe-url.ts).
await bundle({ entry: 'demo/embed.ts', formats: ['es'], fileName: () => 'embed.js' });

// 2. demo/embed.html → dist/embed.html, loading the built widget entries beside it.
const page = readFileSync('demo/embed.html', 'utf8');
const built = page
  .replace('src="./embed.ts"', 'src="./embed.js"')
  .replace('data-modules="../src/{name}/{name}.ts"', 'data-modules="./{name}.js"');
if (built === page || built.includes('.ts"')) {
  console.error('demo/embed.html: the script tag was not found; dist/embed.html not written.');
  process.exit(1);
}
// The page must work under a strict CSP (README "Strenge Seiten"): no inline style or script.
if (/<style|style="|<script(?![^>]*\ssrc=)/i.test(built.replace(/<!--[\s\S]*?-->/g, ''))) {
  console.error('demo/embed.html: inline <style>, style="" or <script> found (blocked by a strict CSP); dist/embed.html not written.');
  process.exit(1);
}
// No embed-config.json is written: it is the city's own file beside embed.html (README).
writeFileSync(join(dist, 'embed.html'), built);

// 3. Framework type entry points (package.json exports "./react" and "./vue").
mkdirSync(join(dist, 'types', 'types'), { recursive: true });
for (const file of readdirSync('src/types').filter((f) => f.endsWith('.d.ts'))) {
  copyFileSync(join('src/types', file), join(dist, 'types', 'types', file));
}
console.log('dist/embed.html, dist/embed.js and dist/types/types/*.d.ts written.');
