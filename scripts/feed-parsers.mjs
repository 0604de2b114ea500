// Writes src/generated/feed-parsers.ts: the widgets' fast check, from the zod schemas of the feed
// contract (src/core/feed/schema.ts), out of the parts in src/core/feed/fast-parse.ts. Run by
// `npm run localize` (so before every build, test and dev server). zod stays the one contract:
// this script reads each schema's definition and writes the same rules; a schema feature it does
// not know stops the build with its path, so a change to the contract cannot be missed here.
// The rules that are code (refinements, the state conversion) must be exported from
// src/core/feed/rules.ts: the generated module calls them by name.
import { mkdirSync, writeFileSync } from 'node:fs';
import { importSources } from './import-sources.mjs';

const { ServiceDocument, FeedShape, VocabularyEntry, Coordinates, rules, z } = await importSources('feed-parsers-source', [
  "export { ServiceDocument } from './src/core/feed/document-schema.ts';",
  "export { FeedShape, VocabularyEntry, Coordinates } from './src/core/feed/schema.ts';",
  "export * as rules from './src/core/feed/rules.ts';",
  "export * as z from 'zod/mini';",
]);

/** What the generated module exports: the schemas the widgets' check reads in one piece. */
const exported = { feed: FeedShape, service: ServiceDocument, vocabularyEntry: VocabularyEntry, coordinates: Coordinates };

const ruleName = new Map(Object.entries(rules).map(([name, fn]) => [fn, name]));
const rule = (fn, path) => {
  const name = ruleName.get(fn);
  if (!name) throw new Error(`${path}: a refinement or transform that is not exported from src/core/feed/rules.ts.`);
  return `rules.${name}`;
};
const literal = (value, path) => {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0) return '({})';
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  throw new Error(`${path}: default ${JSON.stringify(value)} is not a literal this script can write.`);
};

const used = new Set();
/** A part of fast-parse.ts, imported by the generated module. */
function part(name) {
  used.add(name);
  return name;
}

const lengthCheckWhen = z.minLength(1)._zod.def.when;

/** The checks of a string, number or array, in zod's order. */
function checksOf(def, path) {
  return (def.checks ?? []).map((check) => {
    const c = check._zod.def;
    const at = `${path} (${c.check})`;
    // zod's own condition of a length check (the value has a length) holds for every string and list.
    if (c.when && c.when !== lengthCheckWhen) throw new Error(`${at}: a check with "when" is not supported.`);
    switch (c.check) {
      case 'string_format':
        if (c.format !== 'regex') throw new Error(`${at}: format ${c.format} is not supported.`);
        return `${part('matches')}(${c.pattern})`;
      case 'overwrite':
        if (c.tx(' a B ') !== 'a B') throw new Error(`${at}: only z.trim() is supported.`);
        return part('trimmed');
      case 'min_length':
        return `${part('minLength')}(${c.minimum})`;
      case 'greater_than':
        if (!c.inclusive) throw new Error(`${at}: only inclusive bounds (gte) are supported.`);
        return `${part('atLeast')}(${c.value})`;
      case 'less_than':
        if (!c.inclusive) throw new Error(`${at}: only inclusive bounds (lte) are supported.`);
        return `${part('atMost')}(${c.value})`;
      case 'custom':
        return `${part('holds')}(${rule(c.fn, at)})`;
      default:
        throw new Error(`${at}: this check is not supported.`);
    }
  });
}

/** Sub-schemas written once each (the same text schema is in every name, note and label). */
const shared = new Map();
function write(schema, path) {
  const code = expression(schema, path);
  if (code.length < 24) return code;
  if (!shared.has(code)) shared.set(code, `p${shared.size}`);
  return shared.get(code);
}

function expression(schema, path) {
  const def = schema._zod.def;
  const checks = checksOf(def, path);
  const args = (...first) => [...first, ...checks].join(', ');
  const noChecks = () => {
    if (checks.length) throw new Error(`${path}: checks on ${def.type} are not supported.`);
  };
  switch (def.type) {
    case 'string':
      return `${part('string')}(${args()})`;
    case 'number':
      return `${part('number')}(${args()})`;
    case 'boolean':
      noChecks();
      return part('boolean');
    case 'unknown':
      noChecks();
      return part('unknown');
    case 'enum':
      noChecks();
      return `${part('oneOf')}(${Object.values(def.entries)
        .map((v) => JSON.stringify(v))
        .join(', ')})`;
    case 'literal':
      noChecks();
      return `${part('oneOf')}(${def.values.map((v) => JSON.stringify(v)).join(', ')})`;
    case 'optional':
      noChecks();
      return `${part('optional')}(${write(def.innerType, path)})`;
    case 'default':
      noChecks();
      return `${part('withDefault')}(${write(def.innerType, path)}, () => ${literal(def.defaultValue, path)})`;
    case 'union':
      noChecks();
      if (def.inclusive === false || def.discriminator) throw new Error(`${path}: only a plain union is supported.`);
      return `${part('union')}(${def.options.map((o, i) => write(o, `${path}|${i}`)).join(', ')})`;
    case 'pipe':
      noChecks();
      return `${part('pipe')}(${write(def.in, path)}, ${write(def.out, path)})`;
    case 'transform':
      noChecks();
      return `${part('transform')}(${rule(def.transform, path)})`;
    case 'array':
      return `${part('array')}(${args(write(def.element, `${path}[]`))})`;
    case 'record':
      if (def.mode && def.mode !== 'strict') throw new Error(`${path}: record mode ${def.mode} is not supported.`);
      return `${part('record')}(${args(write(def.keyType, `${path}{key}`), write(def.valueType, `${path}{}`))})`;
    case 'object': {
      if (def.catchall) throw new Error(`${path}: an object with catchall is not supported.`);
      const fields = Object.entries(def.shape).map(([key, value]) => `${JSON.stringify(key)}: ${write(value, `${path}.${key}`)}`);
      return `${part('object')}(${args(`{ ${fields.join(', ')} }`)})`;
    }
    default:
      throw new Error(`${path}: zod type "${def.type}" is not supported by scripts/feed-parsers.mjs.`);
  }
}

const exports = Object.entries(exported).map(([name, schema]) => `export const ${name} = ${expression(schema, name)};`);
const source = `// Written by scripts/feed-parsers.mjs from the zod schemas in src/core/feed/schema.ts: do not edit.
// Each export reads one value as zod's parse does, or returns INVALID (see fast-parse.ts).
import { ${[...used].sort().join(', ')} } from '../core/feed/fast-parse.js';
import * as rules from '../core/feed/rules.js';

${[...shared].map(([code, name]) => `const ${name} = ${code};`).join('\n')}

${exports.join('\n')}
`;
mkdirSync('src/generated', { recursive: true });
writeFileSync('src/generated/feed-parsers.ts', source);
