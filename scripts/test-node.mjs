// Runs the Node tests (test/node/**/*.test.ts, node:test + node:assert): the editor tools as
// the real command sees them (files, exit codes, spreadsheets). esbuild bundles each test file
// to .cache/node-tests first, because Node 20 cannot run TypeScript. Prints
// "node: N passed, N failed" last; `node scripts/test-node.mjs test/node/x.test.ts` runs one file.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const outdir = '.cache/node-tests';
const find = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? find(path) : path.endsWith('.test.ts') ? [path] : [];
  });
const files = process.argv.slice(2).length ? process.argv.slice(2) : find('test/node');
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: files,
  outdir,
  outbase: 'test/node',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'inline',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
// The real command, built the way scripts/build-cli.mjs builds it; tests spawn it (LOTSE_CLI).
await build({
  entryPoints: ['cli/lotse.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile: join(outdir, 'cli.mjs'),
  legalComments: 'none',
  logLevel: 'warning',
});
const bundles = files.map((f) => join(outdir, relative('test/node', f)).replace(/\.ts$/, '.mjs'));
const tap = join(outdir, 'result.tap');
const run = spawnSync(
  process.execPath,
  [
    '--enable-source-maps',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...bundles,
  ],
  { stdio: 'inherit', env: { ...process.env, LOTSE_ROOT: process.cwd(), LOTSE_CLI: join(process.cwd(), outdir, 'cli.mjs') } },
);
const summary = readFileSync(tap, 'utf8');
const count = (name) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(summary)?.[1] ?? 0);
const passed = count('pass');
const failed = count('fail') + count('cancelled') + (run.status && !count('fail') ? 1 : 0);
console.log(`\nnode: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
