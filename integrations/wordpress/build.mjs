// Builds the WordPress plugin ZIP: `npm run build:wordpress` (from the repository root).
//
// 1. `npm run build` (skip with --no-build when dist/ is fresh);
// 2. copies the widget bundle dist/ → integrations/wordpress/lotse/assets/lotse/ (without
//    source maps, type declarations and the command-line tool) and the sample feed
//    demo/public/services.json → lotse/assets/services.json;
// 3. zips the plugin folder as integrations/wordpress/build/lotse-wordpress-<version>.zip
//    (top-level folder `lotse/`, as WordPress expects for "Plugin hochladen").
// The copied files are build output and ignored by git (integrations/wordpress/.gitignore).
import { execSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const plugin = join(here, 'lotse');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

// The plugin header and constant must name the same version as package.json.
const main = readFileSync(join(plugin, 'lotse.php'), 'utf8');
const header = /^\s*\*\s*Version:\s*(\S+)/m.exec(main)?.[1];
const constant = /define\(\s*'LOTSE_VERSION',\s*'([^']+)'/.exec(main)?.[1];
const stable = /^Stable tag:\s*(\S+)/m.exec(readFileSync(join(plugin, 'readme.txt'), 'utf8'))?.[1];
if (header !== version || constant !== version || stable !== version) {
  console.error(
    `Version mismatch: package.json ${version}, lotse.php header ${header}, LOTSE_VERSION ${constant}, readme.txt Stable tag ${stable}.`,
  );
  process.exit(1);
}

if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: root, stdio: 'inherit' });
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'lotse.js'))) {
  console.error('dist/lotse.js is missing: run `npm run build` first.');
  process.exit(1);
}

const assets = join(plugin, 'assets', 'lotse');
rmSync(assets, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });
// Shipped: the widget entry files, the feed schema and the shared chunks (without source
// maps). An allow-list, because dist/ also holds other outputs (the CLI, types, the iframe
// page, editors' tools) that a WordPress site does not need; embed.html on the city's domain
// would be one more page accepting feed= and endpoint= parameters.
const entries = ['lotse.js', 'service-finder.js', 'hours-map.js', 'quick-check.js', 'contact-form.js', 'feed.schema.json'];
for (const name of entries) {
  if (!existsSync(join(dist, name))) {
    console.error(`dist/${name} is missing: run \`npm run build\`.`);
    process.exit(1);
  }
  cpSync(join(dist, name), join(assets, name));
}
cpSync(join(dist, 'chunks'), join(assets, 'chunks'), { recursive: true, filter: (src) => !src.endsWith('.map') });
cpSync(join(root, 'demo', 'public', 'services.json'), join(plugin, 'assets', 'services.json'));

/** All files under `dir` as zip entries below `lotse/`. */
function collect(dir, entries = {}) {
  for (const name of readdirSync(dir).sort()) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) collect(file, entries);
    else if (name !== '.gitignore' && name !== '.DS_Store') {
      entries[['lotse', ...relative(plugin, file).split(sep)].join('/')] = [readFileSync(file), { level: 9 }];
    }
  }
  return entries;
}
const out = join(here, 'build');
mkdirSync(out, { recursive: true });
const zipFile = join(out, `lotse-wordpress-${version}.zip`);
const files = collect(plugin);
writeFileSync(zipFile, zipSync(files));
console.log(`${relative(root, zipFile)}: ${Object.keys(files).length} files, ${(statSync(zipFile).size / 1024).toFixed(0)} kB`);
