/** A newcomer's first command: `npm start` prints http://127.0.0.1:5173/, and that page exists. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ROOT, repo } from './helpers.js';

test('the address the dev server prints leads to the demo page', async () => {
  const server = spawn(process.execPath, [repo('node_modules/vite/bin/vite.js'), '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', NO_COLOR: '1' },
  });
  try {
    // Wait for the line with the printed address (event-driven: no fixed delay).
    const printed = await new Promise<string>((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /Local:\s+(http:\/\/\S+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
        if (match) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`vite exited (${code}): ${output}`)));
    });
    const root = await fetch(printed, { redirect: 'manual' });
    assert.equal(root.status, 302, `GET ${printed}`);
    const demo = await fetch(new URL(root.headers.get('location')!, printed));
    assert.equal(demo.status, 200);
    assert.match(await demo.text(), /<lotse-service-finder/);
  } finally {
    server.kill();
  }
});
