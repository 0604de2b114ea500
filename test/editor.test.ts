/**
 * The editor page (editor/redaktion.html → dist/redaktion.html): a dropped spreadsheet, HSDS
 * file or feed gives the CLI's findings from the CLI's own functions, a preview of the four
 * widgets, the feed to download – and nothing leaves the tab.
 */
import { expect } from '@open-wc/testing';
import { importSpreadsheet } from '../cli/import-csv.js';
import { importHsds } from '../cli/import-hsds.js';
import { formatNotes } from '../cli/import-common.js';
import { describeBytes } from '../cli/spreadsheet.js';
import { formatReport, validateFeed, validateText } from '../cli/validate.js';
import { zonedToInstant } from '../src/core/time/zoned.js';
import { PREVIEW_ENDPOINT } from '../editor/builder.js';
import { feedCopy, shadowText, until } from './helpers.js';

const root = document.createElement('main');
root.id = 'redaktion';
document.body.append(root);
const { readFiles, downloadText } = await import('../editor/redaktion.js');

const bytes = async (path: string) => new Uint8Array(await (await fetch(new URL(path, import.meta.url))).arrayBuffer());
const TEMPLATE = await bytes('../templates/angebote-vorlage.csv');
const XLSX = await bytes('./fixtures/cli/angebote.xlsx');
const HSDS = await bytes('./fixtures/cli/hsds-3.0.json');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

const $ = <T extends Element = HTMLElement>(selector: string) => root.querySelector<T>(selector)!;
const text = (selector: string) => ($(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const report = () => $('.report pre').textContent!;
const widget = (tag: string) => $<HTMLElement & { feed?: unknown; now?: Date; lang: string }>(tag);

/** Pick files with the page's file input, as an editor does, and wait until they are read. */
async function pick(files: File[], selector = '#file') {
  const input = $<HTMLInputElement>(selector);
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await until(
    () => text('#findings-title').endsWith(files.map((f) => f.name).join(', ')) && !text('#read-status').includes('wird gelesen'),
    20000,
    `${files[0].name} to be read`,
  );
}

/** The report of `npx lotse import` for the same bytes, from the CLI's functions. */
function cliImportReport(name: string, imported: ReturnType<typeof importSpreadsheet>) {
  const check = validateFeed(imported.feed, { sources: imported.sources });
  const notes = formatNotes(imported.notes);
  return [
    `Import aus ${name}: ${imported.summary![0]}`,
    ...(notes.length ? ['', 'Beim Import:', ...notes] : []),
    '',
    'Prüfung des neuen Feeds:',
    ...formatReport(check),
  ].join('\n');
}

/** Record every way a page can send something. */
function spyNetwork() {
  const sent: string[] = [];
  const original = {
    fetch: window.fetch,
    open: XMLHttpRequest.prototype.open,
    send: XMLHttpRequest.prototype.send,
    beacon: navigator.sendBeacon,
  };
  window.fetch = ((resource: RequestInfo | URL, init?: RequestInit) => {
    sent.push(`fetch ${String(resource instanceof Request ? resource.url : resource)} ${init?.body ?? ''}`);
    return original.fetch.call(window, resource, init);
  }) as typeof fetch;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL) {
    sent.push(`xhr ${method} ${url}`);
    return original.open.call(this, method, url, true);
  } as typeof XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    sent.push(`xhr body ${String(body ?? '')}`);
    return original.send.call(this, body);
  };
  navigator.sendBeacon = (url: string | URL, data?: BodyInit | null) => {
    sent.push(`beacon ${url} ${String(data ?? '')}`);
    return true;
  };
  const resourcesBefore = performance.getEntriesByType('resource').length;
  return {
    sent,
    /** Resources the page requested since the spy started (scripts, images, anything). */
    resources: () =>
      performance
        .getEntriesByType('resource')
        .slice(resourcesBefore)
        .map((e) => e.name),
    restore() {
      window.fetch = original.fetch;
      XMLHttpRequest.prototype.open = original.open;
      XMLHttpRequest.prototype.send = original.send;
      navigator.sendBeacon = original.beacon;
    },
  };
}

describe('editor page', () => {
  before(async () => {
    await until(() => root.querySelector('#file') && root.querySelector('#builder #script-code'), 10000, 'the page');
  });

  it('starts in German with a labelled file input, a folder input and the builder', () => {
    expect(document.documentElement.lang).to.equal('de');
    expect(text('h1')).to.equal('Lotse für Redaktionen');
    expect(text('label[for="file"]')).to.equal('Tabelle oder Feed');
    expect($<HTMLInputElement>('#folder').hasAttribute('webkitdirectory')).to.equal(true);
    expect($('#read-status').getAttribute('role')).to.equal('status');
    expect($<HTMLTextAreaElement>('#script-code').value).to.contain('<lotse-service-finder feed="/lotse/services.json">');
  });

  it("the CSV template: the CLI's findings word for word, focus on the result, the preview shows its services", async () => {
    const file = new File([TEMPLATE], 'angebote-vorlage.csv', { type: 'text/csv' });
    await pick([file]);
    const imported = importSpreadsheet(TEMPLATE, { state: 'NW' }, file.name);
    expect(report()).to.equal(cliImportReport(file.name, imported));
    expect(document.activeElement?.id).to.equal('findings-title');
    expect(text('#read-status')).to.match(
      /^angebote-vorlage\.csv gelesen: \d+ Fehler, \d+ Warnungen, \d+ Hinweise\. Heute zeigen die Widgets \d+ von \d+ Angeboten\.$/,
    );
    expect(text('.summary')).to.contain('CSV');
    // Grouped: errors, warnings, notes; the import's publisher warning with its words.
    expect([...root.querySelectorAll('.severity h3')].map((h) => h.textContent!.replace(/ \(\d+\)$/, ''))).to.deep.equal([
      'Fehler',
      'Warnungen',
      'Hinweise',
    ]);
    expect(text('.severity.warning')).to.contain('Kein Herausgeber angegeben');
    expect(text('.verdict')).to.contain('zeigen die Widgets');
    // The preview: the four widgets with the imported feed as a property.
    for (const tag of ['lotse-service-finder', 'lotse-hours-map', 'lotse-quick-check', 'lotse-contact-form']) {
      expect(widget(tag).feed, tag).to.deep.equal(imported.feed);
    }
    await until(
      () => shadowText(widget('lotse-service-finder')).includes('Clearingstelle Gesundheit'),
      10000,
      'the finder to show the service',
    );
    await until(() => shadowText(widget('lotse-hours-map')).includes('Mietführerschein'), 10000, 'the hours map to show the service');
  });

  it('the download is the imported feed with "$schema" beside the page, from a Blob in the tab', async () => {
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (object: Blob | MediaSource) => {
      blobs.push(object as Blob);
      return create.call(URL, object);
    };
    try {
      const file = new File([XLSX], 'angebote.xlsx');
      await pick([file]);
      const link = $<HTMLAnchorElement>('#download');
      expect(link.getAttribute('download')).to.equal('services.json');
      expect(link.href).to.match(/^blob:/);
      expect(blobs).to.have.length(1);
      const downloaded = JSON.parse(await blobs[0].text());
      const imported = importSpreadsheet(XLSX, { state: 'NW' }, file.name);
      expect(Object.keys(downloaded)[0]).to.equal('$schema');
      expect(downloaded.$schema).to.equal(new URL('feed.schema.json', location.href).href);
      const { $schema: _, ...feed } = downloaded;
      expect(feed).to.deep.equal(imported.feed);
      expect(report()).to.equal(cliImportReport(file.name, imported));
      expect(text('.summary')).to.contain('Excel-Tabelle (.xlsx), Blatt „Angebote“ (1 von 2)');
      // Findings name the row of the spreadsheet.
      expect(text('#findings-title')).to.contain('angebote.xlsx');
      expect(report()).to.match(/Zeile \d+/);
    } finally {
      URL.createObjectURL = create;
    }
  });

  it('HSDS 3.0 JSON is imported as by `lotse import --from hsds`, and previewed', async () => {
    const file = new File([HSDS], 'hsds-3.0.json', { type: 'application/json' });
    await pick([file]);
    const imported = importHsds(JSON.parse(new TextDecoder().decode(HSDS)), { state: 'NW' });
    expect(text('.summary')).to.contain('HSDS 3.0');
    expect(report()).to.equal(cliImportReport(file.name, imported as ReturnType<typeof importSpreadsheet>));
    expect(widget('lotse-hours-map').feed).to.deep.equal(imported.feed);
    await until(() => shadowText(widget('lotse-service-finder')).includes('Clearingstelle Gesundheit'), 10000, 'the finder');
  });

  it('a broken feed: errors with path, service name and fix; the table of missing translations', async () => {
    const feed = feedCopy();
    feed.languages = ['de', 'ro'];
    feed.services[0].locations[0].hours[0].closes = '25:00';
    delete feed.services[1].free;
    const json = JSON.stringify(feed, null, 2);
    await pick([new File([json], 'services.json', { type: 'application/json' })]);
    const check = validateText(json);
    expect(report()).to.equal(formatReport(check).join('\n'));
    const errors = text('.severity.error');
    expect(errors).to.contain('services[0].locations[0].hours[0].closes');
    expect(errors).to.contain('Angebot: Clearingstelle Gesundheit');
    expect(errors).to.contain('Angebot: Schuldnerberatung Nord');
    const withFix = check.problems.find((p) => p.severity === 'error' && p.hint)!;
    expect(errors).to.contain(`So beheben: ${withFix.hint![0]}`);
    expect(text('#sev-error')).to.equal(`Fehler (${check.errors})`);
    expect(text('.verdict')).to.contain(`Ergebnis: ${check.errors} Fehler`);
    // Missing translations per language: Romanian is offered, no service has all its texts in it.
    const rows = [...root.querySelectorAll('table.translations tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows[0]).to.match(/^Deutsch \(de\) keine – vollständig/);
    expect(rows[1]).to.match(/^Rumänisch \(ro\) 3 von 3 /);
    expect(rows[1]).to.contain('Clearingstelle Gesundheit');
    expect(rows[1]).to.contain('Schuldnerberatung Nord');
    expect(text('table.translations + p')).to.contain('Bulgarisch (bg)');
  });

  it("JSON with a syntax error gets the CLI's sentence with line and column, nothing else", async () => {
    const broken = '{\n  "version": 1,\n  "services": [\n}';
    await pick([new File([broken], 'kaputt.json')]);
    const check = validateText(broken);
    expect(text('.refusal')).to.equal(check.problems[0].message);
    expect(text('.refusal')).to.match(/Zeile 4, Spalte 1/);
    expect(root.querySelector('#findings-title ~ .severity')).to.equal(null);
    expect(root.querySelector('lotse-service-finder')).to.equal(null);
  });

  it("a photo is refused in one sentence, the CLI's words", async () => {
    await pick([new File([PNG], 'foto.png', { type: 'image/png' })]);
    const cli = importSpreadsheet(PNG, {}, 'foto.png').notes[0].message[0];
    expect(cli).to.contain('PNG-Bild (Foto oder Bildschirmfoto)');
    expect(text('.refusal')).to.equal(cli);
    expect(root.querySelectorAll('.refusal p')).to.have.length(1);
    expect(document.activeElement?.id).to.equal('findings-title');
    // Named .json, the photo gets the sentence of `lotse validate`.
    await pick([new File([PNG], 'bild.json')]);
    expect(text('.refusal')).to.equal(describeBytes(PNG)![0]);
  });

  it('a file over 50 MB is refused before it is read', async () => {
    const file = new File(['x'], 'riesig.csv');
    Object.defineProperty(file, 'size', { value: 60 * 1024 * 1024 });
    let read = false;
    file.arrayBuffer = () => {
      read = true;
      return Promise.resolve(new ArrayBuffer(0));
    };
    await readFiles([file]);
    expect(read).to.equal(false);
    expect(text('.refusal')).to.equal('Die Datei „riesig.csv“ ist 60 MB groß; ein Feed hat einige MB. Ist es die richtige Datei?');
  });

  it('an HSDS folder (CSV tables with datapackage.json) picked with the folder input', async () => {
    const names = [
      'datapackage.json',
      'services.csv',
      'organizations.csv',
      'locations.csv',
      'service_at_location.csv',
      'schedules.csv',
      'languages.csv',
      'phones.csv',
      'addresses.csv',
      'attributes.csv',
      'taxonomy_terms.csv',
    ];
    const files = await Promise.all(names.map(async (name) => new File([await bytes(`./fixtures/cli/hsds-package/${name}`)], name)));
    await readFiles(files, true, 'hsds-package');
    await until(() => text('#findings-title').endsWith('hsds-package'), 10000, 'the folder');
    expect(text('.summary')).to.contain('HSDS');
    expect(report()).to.match(/^Import aus hsds-package: /);
  });

  it('the preview: all widgets in any UI language, "open now" at a picked moment', async () => {
    const json = JSON.stringify(feedCopy());
    await pick([new File([json], 'klein.json')]);
    const select = $<HTMLSelectElement>('#preview-lang');
    expect([...select.options].map((o) => o.value)).to.deep.equal(['de', 'en', 'ro', 'bg', 'tr', 'ar', 'uk', 'pl']);
    select.value = 'ro';
    select.dispatchEvent(new Event('change'));
    for (const tag of ['lotse-service-finder', 'lotse-hours-map', 'lotse-quick-check', 'lotse-contact-form']) {
      expect(widget(tag).getAttribute('lang'), tag).to.equal('ro');
    }
    select.value = 'de';
    select.dispatchEvent(new Event('change'));
    // Thursday 26 November 2026, 15:00 in Berlin: the Clearingstelle's walk-in hour (th 14–17).
    const at = $<HTMLInputElement>('#preview-at');
    at.value = '2026-11-26T15:00';
    at.dispatchEvent(new Event('change'));
    const thursday = zonedToInstant('2026-11-26', 15 * 60, 'Europe/Berlin');
    expect(widget('lotse-service-finder').now!.getTime()).to.equal(thursday.getTime());
    expect(widget('lotse-hours-map').now!.getTime()).to.equal(thursday.getTime());
    expect(text('.moment')).to.contain('Donnerstag, 26. November 2026 um 15:00');
    await until(() => shadowText(widget('lotse-hours-map')).includes('Jetzt offen (1)'), 10000, 'open at 15:00');
    at.value = '2026-11-26T20:00';
    at.dispatchEvent(new Event('change'));
    await until(() => shadowText(widget('lotse-hours-map')).includes('Jetzt offen (0)'), 10000, 'closed at 20:00');
    $<HTMLButtonElement>('.controls button').click();
    await until(() => widget('lotse-service-finder').now === undefined, 2000, 'back to the real time');
  });

  it('nothing the editor drops goes to the network, not even from the previewed contact form', async () => {
    const spy = spyNetwork();
    try {
      await pick([new File([XLSX], 'personal.xlsx')]);
      await pick([new File([TEMPLATE], 'vorlage-2.csv')]);
      const form = widget('lotse-contact-form');
      await until(() => form.shadowRoot?.querySelector('label.choice'), 10000, 'the contact form');
      form.shadowRoot!.querySelector<HTMLElement>('label.choice')!.click();
      await until(() => form.shadowRoot!.querySelector('#cf-method-phone'), 5000, 'the ways of contact');
      form.shadowRoot!.querySelector<HTMLElement>('#cf-method-phone')!.click();
      await until(() => form.shadowRoot!.querySelector('#cf-phone'), 5000, 'the phone field');
      const phone = form.shadowRoot!.querySelector<HTMLInputElement>('#cf-phone')!;
      phone.value = '0171 2345678';
      phone.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      form.shadowRoot!.querySelector('form')!.requestSubmit();
      await until(() => text('#w-contact ~ .status').includes('nicht gesendet'), 5000, 'the preview note');
      expect(spy.sent).to.deep.equal([]);
      const sentSomewhere = spy.resources().filter((url) => url.includes(PREVIEW_ENDPOINT) || /clearing|personal|vorlage/i.test(url));
      expect(sentSomewhere).to.deep.equal([]);
    } finally {
      spy.restore();
    }
  });

  it('switches the page to English, findings included', async () => {
    const json = JSON.stringify({ ...feedCopy(), version: 2 });
    await pick([new File([json], 'v2.json')]);
    $<HTMLButtonElement>('.lang-switch button[lang="en"]').click();
    try {
      expect(document.documentElement.lang).to.equal('en');
      expect(text('#findings-title')).to.equal('2. Result of the check: v2.json');
      expect(report()).to.equal(formatReport(validateText(json), 'en').join('\n'));
      expect(text('#builder legend')).to.equal('Choose a widget');
    } finally {
      $<HTMLButtonElement>('.lang-switch button[lang="de"]').click();
    }
    expect(text('#findings-title')).to.equal('2. Ergebnis der Prüfung: v2.json');
  });

  it('downloadText puts "$schema" first and replaces an old one', () => {
    const text = downloadText({ $schema: 'https://alt.example/x.json', version: 1 });
    expect(text.startsWith('{\n  "$schema": "')).to.equal(true);
    expect(JSON.parse(text)).to.deep.equal({ $schema: new URL('feed.schema.json', location.href).href, version: 1 });
  });

  it('is accessible with a result and the preview', async () => {
    await pick([new File([TEMPLATE], 'axe.csv')]);
    await expect(root).to.be.accessible();
  });
});
