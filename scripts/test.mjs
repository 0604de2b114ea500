// `npm test`: the Node tests (scripts/test-node.mjs), then the browser tests (web-test-runner),
// and one closing line "N passed, N failed" over both, for CI to read.
// LOTSE_TESTS='test/x.test.ts' runs only that browser file; LOTSE_NODE=0 skips the Node tests.
import { spawn } from 'node:child_process';

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'] });
    let last = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = `${chunk}`.split('\n').map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
      for (const line of lines) {
        const match = /(?:^|\s)(\d+) passed, (\d+) failed/.exec(line);
        if (match) last = match;
      }
    });
    child.on('close', (code) => resolve({ code, passed: Number(last?.[1] ?? 0), failed: Number(last?.[2] ?? (code ? 1 : 0)) }));
  });
}

const parts = [];
if (process.env.LOTSE_NODE !== '0' && !process.env.LOTSE_TESTS) parts.push(await run(process.execPath, ['scripts/test-node.mjs']));
parts.push(await run('npx', ['web-test-runner']));
const passed = parts.reduce((s, p) => s + p.passed, 0);
const failed = parts.reduce((s, p) => s + p.failed + (p.code && !p.failed ? 1 : 0), 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
