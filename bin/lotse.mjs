#!/usr/bin/env node
// `npx lotse …`: the editor tools, built to dist/cli.mjs by `npm run build`.
await import('../dist/cli.mjs').catch((e) => {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('cli.mjs')) throw e;
  console.error('Lotse-Werkzeuge fehlen: dist/cli.mjs wurde noch nicht gebaut. Bitte zuerst "npm run build" ausführen.');
  process.exitCode = 1;
});
