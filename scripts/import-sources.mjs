// For the scripts that read the project's TypeScript modules at build time (feed-parsers.mjs,
// feed-schema.mjs, default-flow-languages.mjs): bundles `lines` (export statements, paths from
// the repository root) with esbuild into node_modules/.cache/lotse/<name>.mjs and imports it.
// Node 20 cannot run TypeScript itself.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

export async function importSources(name, lines, { external = [] } = {}) {
  const out = `node_modules/.cache/lotse/${name}.mjs`;
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: out,
    external,
    logLevel: 'warning',
  });
  // A fresh copy each run (the script may run twice in one process: the dev server's watcher).
  return import(`${pathToFileURL(out).href}?${Date.now()}`);
}
