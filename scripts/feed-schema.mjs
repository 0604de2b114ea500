// Writes dist/feed.schema.json (JSON Schema 2020-12) from the zod feed contract, so editors
// get completion and checking in any editor that honours "$schema".
import { mkdirSync, writeFileSync } from 'node:fs';
import { importSources } from './import-sources.mjs';

// The feed document plus the quick-check override (checked by src/quick-check/flow-schema.ts).
const { FeedDocument, OverrideSchema } = await importSources('document-schema', [
  "export { FeedDocument } from './src/core/feed/document-schema.ts';",
  "export { OverrideSchema } from './src/quick-check/flow-schema.ts';",
]);
const z = await import('zod/mini');
const Document = z.extend(FeedDocument, {
  quickCheck: z.optional(
    OverrideSchema.register(z.globalRegistry, {
      description:
        'Changes the quick-check: questions and steps replace default ones with the same id or are added; "remove" leaves default ones out; "replace": true uses only this flow. A broken quickCheck is not used (the default flow applies).',
    }),
  ),
});
const schema = z.toJSONSchema(Document, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
allowNull(schema);
// "version" first, as in every feed (the zod shape lists it last: it extends the top level).
const { version, ...rest } = schema.properties;
schema.properties = { version, ...rest };
Object.assign(schema, {
  $id: 'https://lotse.example/feed.schema.json',
  title: 'Lotse feed, version 1',
  description: 'Local help services for the Lotse widgets. See the README, section "Der Feed".',
});
mkdirSync('dist', { recursive: true });
writeFileSync('dist/feed.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
console.log(`dist/feed.schema.json: ${Object.keys(schema.properties).length} top-level fields`);

/**
 * `null` means "not given" in a feed (the checker drops it, docs-feed-contract.md): an optional
 * property, a value of a language map and an entry of a list may be `null`; a required
 * property may not (it is then missing). zod's schema knows nothing of that, so it is added here.
 */
function allowNull(node) {
  if (!node || typeof node !== 'object') return;
  const orNull = (schema) => ({ ...(schema.description ? { description: schema.description } : {}), anyOf: [schema, { type: 'null' }] });
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) if (Array.isArray(node[key])) node[key].forEach(allowNull);
  for (const key of ['$defs', 'definitions']) if (node[key]) Object.values(node[key]).forEach(allowNull);
  if (node.items && typeof node.items === 'object') {
    allowNull(node.items);
    node.items = orNull(node.items);
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') {
    allowNull(node.additionalProperties);
    node.additionalProperties = orNull(node.additionalProperties);
  }
  if (node.properties) {
    const required = new Set(node.required ?? []);
    for (const [key, value] of Object.entries(node.properties)) {
      allowNull(value);
      if (!required.has(key)) node.properties[key] = orNull(value);
    }
  }
}
