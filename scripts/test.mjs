// `npm test`: the Node tests (scripts/test-node.mjs), then the browser tests (web-test-runner),
// and one closing line "N passed, N failed" over both, for CI to read.
// LOTSE_TESTS='test/x.test.ts' runs only that browser file; LOTSE_NODE=0 skips the Node tests.
import { spawn } from 'node:child_process';

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'pipe', 'inherit'] });
    let last;
    let pending = '';
    // Only a line that starts with the counts is a summary ("node: …" or the browsers' own);
    // the progress bar ("Chrome: |███| … 703 passed, 0 failed") repeats per-engine counts.
    const read = (line) => {
      const match = /^(?:node: )?(\d+) passed, (\d+) failed/.exec(line.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').trim());
      if (match) last = match;
    };
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const lines = `${pending}${chunk}`.split('\n');
      pending = lines.pop();
      lines.forEach(read);
    });
    child.stdout.on('end', () => read(pending));
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
