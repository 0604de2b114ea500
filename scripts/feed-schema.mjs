// Writes dist/feed.schema.json (JSON Schema 2020-12) from the zod feed contract, so editors
// get completion and checking in any editor that honours "$schema".
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const out = 'node_modules/.cache/lotse/document-schema.mjs';
await build({
  entryPoints: ['src/core/feed/document-schema.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: out,
  logLevel: 'warning',
});
const { FeedDocument } = await import(pathToFileURL(out).href);
const z = await import('zod/mini');
const schema = z.toJSONSchema(FeedDocument, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
Object.assign(schema, {
  $id: 'https://lotse.example/feed.schema.json',
  title: 'Lotse feed, version 1',
  description: 'Local help services for the Lotse widgets. See the README, section "Der Feed".',
});
mkdirSync('dist', { recursive: true });
writeFileSync('dist/feed.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
console.log(`dist/feed.schema.json: ${Object.keys(schema.properties).length} top-level fields`);
