/**
 * What integrators get from the package: the React and Vue typings type-check (the fixtures
 * in test/types), and `lotse`, `lotse/react` and `lotse/vue` can be imported in Node
 * (server-side rendering) without "HTMLElement is not defined".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ROOT, repo } from './helpers.js';

test('the React and Vue typing fixtures type-check (tsc -p test/types)', () => {
  const result = spawnSync(process.execPath, [repo('node_modules/typescript/bin/tsc'), '-p', 'test/types/tsconfig.json'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
});

test('lotse, lotse/react and lotse/vue import in Node without defining elements', () => {
  assert.ok(existsSync(repo('dist/ssr.js')), 'dist/ssr.js is missing: run "npm run build" first');
  const script = `
    const entries = ['lotse', 'lotse/react', 'lotse/vue'];
    for (const entry of entries) {
      const module = await import(entry);
      if (typeof module.onLotse !== 'function') throw new Error(entry + ': no onLotse');
    }
    console.log(typeof HTMLElement);`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout.trim(), 'undefined');
});
