// Builds the editor tools (`npx lotse validate|import`) into one file, dist/cli.mjs, for
// Node 20+. zod and the feed checker from src/core/feed are bundled in, so the command
// needs no other files; bin/lotse.mjs only loads it.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const outfile = 'dist/cli.mjs';
await build({
  entryPoints: ['cli/lotse.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log(`${outfile}: ${(statSync(outfile).size / 1024).toFixed(1)} kB`);
