// After the library build (dist/ exists): writes the editor page dist/redaktion.html with its
// script dist/redaktion.js and stylesheet dist/redaktion.css (source: editor/).
//
// The script is one self-contained classic script (widgets, CLI checks and importers, every
// language and lazy part inlined): the page then works from the city's server under a strict
// CSP, offline, and even opened straight from the unpacked archive (file://, where browsers
// refuse ES modules). The resize script of demo/embed-host-snippet.html is written into the
// page's <template id="lotse-host-snippet">, so the page fetches nothing.
// Run by `npm run build`; alone: `node scripts/build-editor.mjs`.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundle, dist, requireLibraryBuild } from './vite-bundle.mjs';

requireLibraryBuild();
const fail = (message) => {
  console.error(`scripts/build-editor.mjs: ${message}; dist/redaktion.html not written.`);
  process.exit(1);
};

// 1. editor/redaktion.ts → dist/redaktion.js.
// The quick-check preview takes the default flow the CLI checks already bundle (not a second copy by language).
const wholeFlow = { find: /^\.\/flow-languages\.js$/, replacement: resolve('src/quick-check/flow-languages.editor.ts') };
// Likewise every part of the translations (src/core/'s, each widget's) takes the whole language, each string once.
const wholeLanguages = { find: /^\.\.\/generated\/locales\/[\w-]+\.js$/, replacement: resolve('src/generated/locales/all.ts') };
await bundle({ entry: 'editor/redaktion.ts', formats: ['iife'], name: 'LotseRedaktion', fileName: () => 'redaktion.js' }, [
  wholeFlow,
  wholeLanguages,
]);
copyFileSync('editor/redaktion.css', join(dist, 'redaktion.css'));

// 2. The resize script for iframe hosts, from its one documented copy.
const host = /<script>([\s\S]*?)<\/script>/.exec(readFileSync('demo/embed-host-snippet.html', 'utf8'))?.[1];
if (!host) fail('no <script> in demo/embed-host-snippet.html');
const code = host.replace(/^\n+|\s+$/g, '').replace(/^ {6}/gm, '');
const escaped = code.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// 3. editor/redaktion.html → dist/redaktion.html.
const page = readFileSync('editor/redaktion.html', 'utf8');
const built = page
  .replace('<script type="module" src="./redaktion.ts"></script>', '<script defer src="./redaktion.js"></script>')
  .replace('<template id="lotse-host-snippet"></template>', `<template id="lotse-host-snippet">${escaped}</template>`);
if (built.includes('src="./redaktion.ts"') || !built.includes('src="./redaktion.js"')) fail('the script tag was not found');
if (!built.includes('lotse-embed-height')) fail('the template for the resize script was not found');
writeFileSync(join(dist, 'redaktion.html'), built);
console.log('dist/redaktion.html, dist/redaktion.js and dist/redaktion.css written.');
