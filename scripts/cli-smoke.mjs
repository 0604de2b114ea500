// End-to-end check of the real `lotse` command (after `npm run build`): validate the sample
// feed, import the CSV template and the HSDS example, and make sure a broken feed fails.
// Exits non-zero on the first failure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'lotse-cli-'));
let failed = 0;
function run(title, args, expectCode, expectText) {
  const result = spawnSync(process.execPath, ['bin/lotse.mjs', ...args], { encoding: 'utf8' });
  const output = `${result.stdout}${result.stderr}`;
  const ok = result.status === expectCode && output.includes(expectText);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${title} (exit ${result.status})`);
  if (!ok) {
    failed++;
    console.log(
      output
        .split('\n')
        .map((l) => `     ${l}`)
        .join('\n'),
    );
  }
  return output;
}

run('validate demo/public/services.json', ['validate', 'demo/public/services.json'], 0, 'Ergebnis: keine Fehler');
run('validate --lang en', ['validate', 'demo/public/services.json', '--lang', 'en'], 0, 'Result: no errors');

const feed = join(dir, 'vorlage.json');
run(
  'import templates/angebote-vorlage.csv',
  ['import', 'templates/angebote-vorlage.csv', '-o', feed, '--publisher', 'Stadt Hafenstadt'],
  0,
  'Feed geschrieben',
);
try {
  const services = JSON.parse(readFileSync(feed, 'utf8')).services;
  if (services.length !== 2) throw new Error(`${services.length} services instead of 2`);
  console.log('ok   imported template has 2 services');
} catch (error) {
  failed++;
  console.log(`FAIL imported feed: ${error.message}`);
}
run('validate the imported feed', ['validate', feed], 0, 'Ergebnis: keine Fehler');
run(
  'import a Windows-1252 CSV',
  ['import', 'test/fixtures/cli/windows-1252.csv', '-o', join(dir, 'w.json'), '--publisher', 'Stadt'],
  0,
  'Zeichensatz windows-1252',
);
try {
  // Node's own TextDecoder would turn Excel's en dash (0x96) into a control character.
  const summary = JSON.parse(readFileSync(join(dir, 'w.json'), 'utf8')).services[0].summary;
  if (summary !== 'Hilfe bei Schulden und Mahnungen – vertraulich.') throw new Error(JSON.stringify(summary));
  console.log('ok   Windows-1252 umlauts and dashes decoded');
} catch (error) {
  failed++;
  console.log(`FAIL Windows-1252 decoding: ${error.message}`);
}
run(
  'import --from hsds',
  ['import', '--from', 'hsds', 'test/fixtures/cli/hsds-3.0.json', '-o', join(dir, 'hsds.json')],
  0,
  'nicht übernommen',
);
run(
  'import never writes over its input',
  ['import', '--from', 'hsds', 'test/fixtures/cli/hsds-3.0.json', '-o', 'test/fixtures/cli/hsds-3.0.json'],
  2,
  'Quelldatei',
);

const broken = join(dir, 'broken.json');
writeFileSync(broken, '{\n  "version": 1,\n  "services": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}\n');
run('broken JSON fails with line and column', ['validate', broken], 1, 'Kein gültiges JSON in Zeile 5, Spalte 5');
run('missing file is a usage error', ['validate', join(dir, 'nope.json')], 2, 'gibt es nicht');
run('a mistyped option is a usage error', ['validate', 'demo/public/services.json', '--max-age', '9'], 2, 'Unbekannte Option');
run('no arguments: help and exit 2', [], 2, 'npx lotse validate');

console.log(failed ? `\ncli smoke: ${failed} failed` : '\ncli smoke: all passed');
process.exit(failed ? 1 : 0);
