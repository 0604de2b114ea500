/**
 * The editor page (dist/redaktion.html): a web editor drops a spreadsheet, HSDS data or a
 * Lotse feed and gets the findings of `npx lotse validate | import` (the same functions from
 * cli/, see read-input.ts), a live preview of the four widgets in any language and at any
 * moment, the missing translations, the feed to download and the embed code (builder.ts).
 *
 * Everything happens in this tab: no file is uploaded, nothing is fetched. German first; the
 * page's own texts also in English. The widgets offer all their languages themselves.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import '../src/index.js';
import { formatNotes } from '../cli/import-common.js';
import { languageName, type Pair } from '../cli/messages.js';
import { formatReport, validateFeed, type Problem } from '../cli/validate.js';
import { GERMAN_STATES } from '../src/core/feed/constants.js';
import { LOCALES, LOCALE_NAMES } from '../src/core/i18n.js';
import { zonedToInstant } from '../src/core/time/zoned.js';
import { PREVIEW_ENDPOINT, blockSending, hostScriptFrom, mountBuilder, type Builder } from './builder.js';
import { isPackage, readBytes, readPackage, tooLarge, type Outcome, type ReadOptions } from './read-input.js';

type UiLang = 'de' | 'en';
type Severity = 'error' | 'warning' | 'info';

/** One line of the findings: an import note or a problem of the check. */
interface Finding {
  severity: Severity;
  /** Path in the feed (check) – empty for import notes. */
  path: string;
  /** Row/column (spreadsheet) or place in the source. */
  where?: string;
  /** Name of the service it belongs to. */
  service?: string;
  message: string;
  hint?: string;
  key: string;
}

interface State {
  lang: UiLang;
  busy: boolean;
  status: string;
  outcome?: Outcome;
  options: Required<Pick<ReadOptions, 'publisher' | 'state' | 'textLanguage'>> & { maxAgeDays: string };
  previewLang: string;
  /** `datetime-local` value for "open now", empty = the real time. */
  at: string;
  downloadUrl?: string;
  sendNote: string;
}

/** The input last read, to read again when an import option changes. */
type Input =
  | { kind: 'file'; name: string; bytes: Uint8Array }
  | { kind: 'package'; name: string; files: { name: string; bytes: Uint8Array }[] };

const state: State = {
  lang: 'de',
  busy: false,
  status: '',
  options: { publisher: '', state: 'NW', textLanguage: '', maxAgeDays: '' },
  previewLang: 'de',
  at: '',
  sendNote: '',
};
let input: Input | undefined;
let builder: Builder | undefined;
let root: HTMLElement;

const t = (de: string, en: string) => (state.lang === 'en' ? en : de);
const l = () => (state.lang === 'en' ? 1 : 0);
const pick = (pair: Pair) => pair[l()];

// ---- Reading ------------------------------------------------------------------------------

function readOptions(): ReadOptions {
  const days = Number(state.options.maxAgeDays);
  return {
    publisher: state.options.publisher.trim(),
    state: state.options.state,
    textLanguage: state.options.textLanguage.trim(),
    maxAgeDays: Number.isInteger(days) && days > 0 ? days : undefined,
  };
}

/** Read the files the editor picked or dropped. A file over the limit is refused before it is read. */
export async function readFiles(files: File[], fromFolder = false, folderName?: string): Promise<void> {
  // A folder: only the files directly in it, as `lotse import --from hsds ordner/` reads them.
  const list = fromFolder ? files.filter((f) => (f.webkitRelativePath || f.name).split('/').length <= 2) : files;
  if (!list.length) return;
  const label = fromFolder
    ? (folderName ?? (files[0].webkitRelativePath.split('/')[0] || files[0].name))
    : list.map((f) => f.name).join(', ');
  for (const file of list) {
    const big = tooLarge(file);
    if (big) return show({ name: file.name, tool: 'import', refusal: big, notes: [] });
  }
  state.busy = true;
  state.status = t('Die Datei wird gelesen …', 'Reading the file …');
  draw();
  try {
    const read = await Promise.all(
      list.map(async (file) => ({ name: file.name, path: file.webkitRelativePath, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    input =
      list.length > 1 || fromFolder || isPackage(read)
        ? { kind: 'package', name: label, files: read }
        : { kind: 'file', name: read[0].name, bytes: read[0].bytes };
    // Let the status paint before a large file blocks the tab for a moment.
    await new Promise((resolve) => setTimeout(resolve, 0));
    show(run(input));
  } catch (error) {
    show({
      name: label,
      tool: 'import',
      notes: [],
      refusal: [`Die Datei kann nicht gelesen werden (${(error as Error).name}).`, `The file cannot be read (${(error as Error).name}).`],
    });
  }
}

function run(what: Input): Outcome {
  return what.kind === 'file' ? readBytes(what.name, what.bytes, readOptions()) : readPackage(what.name, what.files, readOptions());
}

function show(outcome: Outcome) {
  state.busy = false;
  state.outcome = outcome;
  state.sendNote = '';
  state.status = statusLine(outcome);
  if (state.downloadUrl) URL.revokeObjectURL(state.downloadUrl);
  state.downloadUrl = outcome.feed ? URL.createObjectURL(new Blob([downloadText(outcome.feed)], { type: 'application/json' })) : undefined;
  draw();
  builder?.setFeed(outcome.feed);
  root.querySelector<HTMLElement>('#findings-title')?.focus();
}

/** The feed as it is downloaded: `$schema` first, pointing at the schema beside this page. */
export function downloadText(feed: Record<string, unknown>): string {
  const { $schema: _old, ...rest } = feed;
  return `${JSON.stringify({ $schema: schemaAddress(), ...rest }, null, 2)}\n`;
}

/** Where feed.schema.json lies: beside this page (relative when the page is opened as a file). */
export function schemaAddress(): string {
  return /^https?:$/.test(location.protocol) ? new URL('feed.schema.json', location.href).href : './feed.schema.json';
}

// ---- Findings -----------------------------------------------------------------------------

const counts = (o: Outcome) => {
  const notes = (s: Severity) => o.notes.filter((n) => n.severity === s).length;
  return {
    errors: notes('error') + (o.check?.errors ?? 0),
    warnings: notes('warning') + (o.check?.warnings ?? 0),
    infos: notes('info') + (o.check?.notes ?? 0),
  };
};

function statusLine(o: Outcome): string {
  if (o.refusal) return `${o.name}: ${pick(o.refusal)}`;
  const c = counts(o);
  const seen = o.check?.visibility;
  return t(
    `${o.name} gelesen: ${c.errors} Fehler, ${c.warnings} Warnungen, ${c.infos} Hinweise.${seen ? ` Heute zeigen die Widgets ${seen.visible} von ${seen.total} Angeboten.` : ''}`,
    `${o.name} read: ${c.errors} errors, ${c.warnings} warnings, ${c.infos} notes.${seen ? ` Today the widgets show ${seen.visible} of ${seen.total} services.` : ''}`,
  );
}

/** The service's name in the feed for an id (German, else the first text). */
function serviceName(feed: unknown, id: string | undefined): string | undefined {
  if (id === undefined || !feed || typeof feed !== 'object') return undefined;
  const services = (feed as { services?: unknown }).services;
  if (!Array.isArray(services)) return undefined;
  const service = services.find((s) => s && typeof s === 'object' && (s as { id?: unknown }).id === id) as { name?: unknown } | undefined;
  const name = service?.name;
  if (typeof name === 'string') return name;
  if (name && typeof name === 'object') {
    const texts = name as Record<string, unknown>;
    const text = texts[state.lang] ?? texts.de ?? Object.values(texts)[0];
    return typeof text === 'string' ? text : undefined;
  }
  return undefined;
}

function findings(o: Outcome): Finding[] {
  const list: Finding[] = o.notes.map((n) => ({
    severity: n.severity,
    path: '',
    where: n.where ? pick(n.where) : undefined,
    message: pick(n.message),
    key: `note ${n.message[0]}`,
  }));
  for (const p of o.check?.problems ?? []) {
    if (p.code === 'missingTexts') continue; // in the table of translations
    list.push({
      severity: p.severity,
      path: p.path,
      where: p.where ? pick(p.where) : undefined,
      service: p.service !== undefined ? (serviceName(o.feed, p.service) ?? p.service) : undefined,
      message: state.lang === 'en' ? p.messageEn : p.message,
      hint: p.hint ? pick(p.hint) : undefined,
      key: `${p.code} ${p.message} ${p.hint?.[0] ?? ''}`,
    });
  }
  return list;
}

/** From this many findings with the same sentence on, they are one entry with the places listed (as in the CLI's report). */
const GROUP_MIN = 5;
const PLACES_SHOWN = 30;

function renderFinding(f: Finding): TemplateResult {
  const place = [f.path, f.where].filter(Boolean).join(' · ');
  return html`<li class="finding ${f.severity}">
    ${
      place || f.service
        ? html`<p class="place">${place ? html`<code>${place}</code>` : nothing}${
            f.service ? html`<span class="service">${t('Angebot', 'Service')}: ${f.service}</span>` : nothing
          }</p>`
        : nothing
    }
    <p class="message">${f.message}</p>
    ${f.hint ? html`<p class="fix"><strong>${t('So beheben', 'How to fix')}:</strong> ${f.hint}</p>` : nothing}
  </li>`;
}

function renderGroup(group: Finding[]): TemplateResult {
  if (group.length < GROUP_MIN) return html`${group.map(renderFinding)}`;
  const [first] = group;
  const places = group.map((f) => [f.path, f.where, f.service].filter(Boolean).join(' · ') || '–');
  return html`<li class="finding ${first.severity}">
    <p class="message"><strong>${group.length}×</strong> ${first.message}</p>
    ${first.hint ? html`<p class="fix"><strong>${t('So beheben', 'How to fix')}:</strong> ${first.hint}</p>` : nothing}
    <details>
      <summary>${t(`${group.length} Fundstellen zeigen`, `Show ${group.length} places`)}</summary>
      <ul class="places">${places.slice(0, PLACES_SHOWN).map((p) => html`<li><code>${p}</code></li>`)}</ul>
      ${places.length > PLACES_SHOWN ? html`<p class="hint">${t(`und ${places.length - PLACES_SHOWN} weitere (alle im Bericht als Text)`, `and ${places.length - PLACES_SHOWN} more (all in the text report)`)}</p>` : nothing}
    </details>
  </li>`;
}

function renderSeverity(severity: Severity, all: Finding[], missing: number): TemplateResult {
  const list = all.filter((f) => f.severity === severity);
  const titles: Record<Severity, [string, string]> = {
    error: ['Fehler', 'Errors'],
    warning: ['Warnungen', 'Warnings'],
    info: ['Hinweise', 'Notes'],
  };
  const intro: Record<Severity, [string, string]> = {
    error: [
      'Diese Einträge fehlen in den Widgets, bis sie korrigiert sind.',
      'These entries are missing from the widgets until they are fixed.',
    ],
    warning: ['Der Feed funktioniert, kann aber besser werden.', 'The feed works but can be better.'],
    info: ['Gut zu wissen, nichts zu tun.', 'Worth knowing, nothing to do.'],
  };
  const groups = new Map<string, Finding[]>();
  for (const f of list) {
    if (!groups.has(f.key)) groups.set(f.key, []);
    groups.get(f.key)!.push(f);
  }
  const total = list.length + (severity === 'warning' ? missing : 0);
  return html`<section class="severity ${severity}" aria-labelledby="sev-${severity}">
    <h3 id="sev-${severity}">${pick(titles[severity])} (${total})</h3>
    ${total ? html`<p class="hint">${pick(intro[severity])}</p>` : html`<p class="hint">${t('Keine.', 'None.')}</p>`}
    ${
      severity === 'warning' && missing
        ? html`<p class="hint">${t(`Davon ${missing} fehlende Übersetzungen: siehe Tabelle unten.`, `Of these, ${missing} missing translations: see the table below.`)}</p>`
        : nothing
    }
    ${list.length ? html`<ul class="findings">${[...groups.values()].map(renderGroup)}</ul>` : nothing}
  </section>`;
}

/** The CLI's report, word for word, for copying into an e-mail. */
function textReport(o: Outcome): string[] {
  const lang = state.lang;
  if (o.refusal) return [pick(o.refusal)];
  const lines: string[] = [];
  if (o.tool === 'import') {
    lines.push(t(`Import aus ${o.name}`, `Import from ${o.name}`) + (o.summary ? `: ${pick(o.summary)}` : ''));
    const notes = formatNotes(o.notes, lang);
    if (notes.length) lines.push('', t('Beim Import:', 'During import:'), ...notes);
    if (o.check) lines.push('', t('Prüfung des neuen Feeds:', 'Check of the new feed:'));
  }
  if (o.check) lines.push(...formatReport(o.check, lang));
  return lines;
}

/** The closing lines of the CLI's report: the result and what the widgets show today. */
function verdictLines(o: Outcome): string[] {
  if (!o.check) return [];
  const lines = formatReport(o.check, state.lang);
  return lines.slice(lines.lastIndexOf('') + 1);
}

function renderTranslations(o: Outcome): TemplateResult | typeof nothing {
  const feed = o.feed as { languages?: unknown; services?: unknown[] } | undefined;
  if (!o.check || !feed) return nothing;
  const offered = Array.isArray(feed.languages) ? feed.languages.filter((c): c is string => typeof c === 'string') : ['de'];
  const missing = o.check.problems.filter((p: Problem) => p.code === 'missingTexts');
  const total = o.check.visibility?.total ?? (Array.isArray(feed.services) ? feed.services.length : 0);
  const others = LOCALES.filter((code) => !offered.includes(code));
  const name = (code: string) => `${languageName(code, state.lang) ?? code} (${code})`;
  return html`<section aria-labelledby="translations-title">
    <h3 id="translations-title">${t('Fehlende Übersetzungen', 'Missing translations')}</h3>
    <p class="hint">${t(
      'Je Sprache, die der Feed unter „languages“ anbietet: welche Angebote Name, Kurzbeschreibung oder Beschreibung nicht in dieser Sprache haben. Dort zeigen die Widgets den englischen, sonst den deutschen Text.',
      'For each language the feed offers under "languages": which services lack the name, summary or description in it. There the widgets show the English text, else the German one.',
    )}</p>
    <table class="translations">
      <thead><tr><th scope="col">${t('Sprache', 'Language')}</th><th scope="col">${t('Angebote ohne Übersetzung', 'Services without translation')}</th><th scope="col">${t('Welche', 'Which')}</th></tr></thead>
      <tbody>
        ${offered.map((code) => {
          const lacking = missing.filter((p) => p.languages?.includes(code));
          return html`<tr>
            <th scope="row">${name(code)}</th>
            <td>${lacking.length ? t(`${lacking.length} von ${total}`, `${lacking.length} of ${total}`) : t('keine – vollständig', 'none – complete')}</td>
            <td>${
              lacking.length
                ? html`<ul class="compact">${lacking.map((p) => html`<li>${serviceName(o.feed, p.service) ?? p.service ?? p.path}${p.where ? html` <span class="hint">(${pick(p.where)})</span>` : nothing}: ${state.lang === 'en' ? p.messageEn : p.message}</li>`)}</ul>`
                : '–'
            }</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${
      others.length
        ? html`<p class="hint">${t(
            'Nicht im Feed angeboten (die Oberfläche der Widgets gibt es trotzdem in diesen Sprachen, die Texte der Angebote erscheinen englisch oder deutsch):',
            'Not offered by the feed (the widgets’ own interface is still in these languages; service texts appear in English or German):',
          )} ${others.map(name).join(', ')}.</p>`
        : nothing
    }
  </section>`;
}

// ---- Preview ------------------------------------------------------------------------------

function timeZoneOf(feed: Record<string, unknown> | undefined): string {
  const zone = (feed?.region as { timezone?: unknown } | undefined)?.timezone;
  return typeof zone === 'string' && zone ? zone : 'Europe/Berlin';
}

/** The picked moment as an instant in the feed's time zone (the widgets' clock), or undefined for the real time. */
export function pickedMoment(value: string, timeZone: string): Date | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  try {
    return zonedToInstant(match[1], Number(match[2]) * 60 + Number(match[3]), timeZone);
  } catch {
    return undefined;
  }
}

function renderPreview(o: Outcome): TemplateResult | typeof nothing {
  if (!o.feed) return nothing;
  const zone = timeZoneOf(o.feed);
  const now = pickedMoment(state.at, zone);
  const day = state.at.slice(0, 10);
  const onDay = now ? validateFeed(o.feed, { today: day }).visibility : undefined;
  const lang = state.previewLang;
  const shown = now
    ? new Intl.DateTimeFormat(state.lang === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(
        now,
      )
    : t('die echte Uhrzeit', 'the real time');
  return html`<section aria-labelledby="preview-title">
    <h2 id="preview-title">${t('3. Vorschau der vier Widgets', '3. Preview of the four widgets')}</h2>
    <p class="hint">${t(
      'So zeigen die Widgets Ihre Daten. Die Vorschau benutzt die gelesene Datei direkt; hochgeladen wird nichts.',
      'This is how the widgets show your data. The preview uses the file read here; nothing is uploaded.',
    )}</p>
    <div class="controls">
      <div class="field">
        <label for="preview-lang">${t('Sprache der Widgets', 'Language of the widgets')}</label>
        <select id="preview-lang" .value=${live(lang)} @change=${(e: Event) => {
          state.previewLang = (e.target as HTMLSelectElement).value;
          draw();
        }}>
          ${LOCALES.map((code) => html`<option value=${code} ?selected=${code === lang}>${LOCALE_NAMES[code]}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="preview-at">${t('Zeitpunkt für „jetzt geöffnet“', 'Moment for “open now”')}</label>
        <input id="preview-at" type="datetime-local" .value=${live(state.at)} aria-describedby="preview-at-hint"
          @change=${(e: Event) => {
            state.at = (e.target as HTMLInputElement).value;
            draw();
          }} />
        <p class="hint" id="preview-at-hint">${t(`Uhrzeit in der Zeitzone des Feeds (${zone}). Leer: echte Uhrzeit.`, `Time in the feed’s time zone (${zone}). Empty: the real time.`)}</p>
      </div>
      <button type="button" class="secondary" ?disabled=${!state.at} @click=${() => {
        state.at = '';
        draw();
      }}>${t('Echte Uhrzeit', 'Real time')}</button>
    </div>
    <p class="moment" role="status">${t('Die Vorschau zeigt', 'The preview shows')}: <strong>${shown}</strong>.
      ${
        onDay
          ? t(
              `An diesem Tag zeigen die Widgets ${onDay.visible} von ${onDay.total} Angeboten (nach validFrom, validUntil und status).`,
              `On that day the widgets show ${onDay.visible} of ${onDay.total} services (by validFrom, validUntil and status).`,
            )
          : nothing
      }</p>
    <p class="hint">${t(
      'Die Suche und die Sprechzeiten-Karte rechnen „jetzt geöffnet“ und „nächste Sprechstunde“ für diesen Zeitpunkt. Welche Angebote gültig sind (validFrom, validUntil), entscheiden alle Widgets nach dem heutigen Datum; die Zahl für den gewählten Tag steht oben. Schnell-Check und Kontaktformular rechnen immer mit der echten Uhrzeit.',
      'The finder and the hours map compute “open now” and “next opening” for this moment. Which services are valid (validFrom, validUntil) all widgets decide by today’s date; the count for the chosen day is above. The quick-check and the contact form always use the real time.',
    )}</p>
    <div class="widgets">
      <section class="widget" aria-labelledby="w-finder"><h3 id="w-finder">&lt;lotse-service-finder&gt;</h3>
        <lotse-service-finder .feed=${o.feed} .now=${now} lang=${lang}></lotse-service-finder></section>
      <section class="widget" aria-labelledby="w-map"><h3 id="w-map">&lt;lotse-hours-map&gt;</h3>
        <p class="hint">${t(
          'Die Karte lädt Kartenbilder von OpenStreetMap erst nach Ihrer Zustimmung; Daten Ihrer Datei gehen dabei nicht mit.',
          'The map loads map images from OpenStreetMap only after your consent; no data of your file goes with them.',
        )}</p>
        <lotse-hours-map .feed=${o.feed} .now=${now} lang=${lang}></lotse-hours-map></section>
      <section class="widget" aria-labelledby="w-check"><h3 id="w-check">&lt;lotse-quick-check&gt;</h3>
        <lotse-quick-check .feed=${o.feed} lang=${lang}></lotse-quick-check></section>
      <section class="widget" aria-labelledby="w-contact"><h3 id="w-contact">&lt;lotse-contact-form&gt;</h3>
        <p class="hint">${t('In der Vorschau sendet das Formular nichts.', 'In the preview the form sends nothing.')}</p>
        <p class="status" role="status">${state.sendNote}</p>
        <lotse-contact-form id="lotse-vorschau-kontakt" .feed=${o.feed} lang=${lang} endpoint=${PREVIEW_ENDPOINT}></lotse-contact-form></section>
    </div>
  </section>`;
}

// ---- The page -----------------------------------------------------------------------------

function option(key: keyof State['options'], value: string) {
  state.options = { ...state.options, [key]: value };
  if (input) show(run(input));
  else draw();
}

async function onDrop(event: DragEvent) {
  event.preventDefault();
  root.querySelector('.drop')?.classList.remove('over');
  const transfer = event.dataTransfer;
  if (!transfer) return;
  // A dropped folder: its files (HSDS CSV tables with datapackage.json).
  const entry = transfer.items?.[0]?.webkitGetAsEntry?.();
  if (entry?.isDirectory && transfer.items.length === 1) {
    const files = await new Promise<File[]>((resolve) => {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      const found: File[] = [];
      const next = () =>
        reader.readEntries(
          async (entries) => {
            if (!entries.length) return resolve(found);
            for (const e of entries) {
              if (e.isFile) found.push(await new Promise<File>((done, fail) => (e as FileSystemFileEntry).file(done, fail)));
            }
            next();
          },
          () => resolve(found),
        );
      next();
    });
    return readFiles(files, true, entry.name);
  }
  await readFiles([...transfer.files]);
}

function renderOutcome(o: Outcome): TemplateResult {
  if (o.refusal) {
    return html`<div class="refusal" role="alert"><p>${pick(o.refusal)}</p></div>`;
  }
  const all = findings(o);
  const missing = o.check?.problems.filter((p) => p.code === 'missingTexts').length ?? 0;
  const c = counts(o);
  return html`
    ${o.summary ? html`<p class="summary"><strong>${t('Gelesen', 'Read')}:</strong> ${pick(o.summary)}</p>` : nothing}
    <div class="verdict ${c.errors ? 'bad' : 'good'}">
      ${
        o.tool === 'import' && o.check
          ? html`<p><strong>${t('Insgesamt', 'In total')}: ${t(
              `${c.errors} Fehler, ${c.warnings} Warnungen, ${c.infos} Hinweise (Import und Prüfung des neuen Feeds).`,
              `${c.errors} errors, ${c.warnings} warnings, ${c.infos} notes (import and check of the new feed).`,
            )}</strong></p>
          <p>${t('Prüfung des neuen Feeds', 'Check of the new feed')}:</p>`
          : nothing
      }
      ${verdictLines(o).map((line) => html`<p>${line}</p>`)}
      ${
        !o.feed && o.tool === 'import'
          ? html`<p>${t(
              'Kein Dienst konnte übernommen werden, daher gibt es keinen Feed. Bitte die Punkte unten korrigieren und die Datei erneut wählen.',
              'No service could be imported, so there is no feed. Please correct the points below and choose the file again.',
            )}</p>`
          : nothing
      }
      ${
        o.tool === 'import' && o.feed && o.notes.some((n) => n.severity === 'error')
          ? html`<p>${t(
              'Beim Import gab es Fehler (unten); diese Angaben fehlen im Feed. Bitte in der Tabelle korrigieren und erneut wählen.',
              'The import had errors (below); those details are missing from the feed. Please correct the source and choose it again.',
            )}</p>`
          : nothing
      }
    </div>
    ${renderSeverity('error', all, 0)}
    ${renderSeverity('warning', all, missing)}
    ${renderSeverity('info', all, 0)}
    ${renderTranslations(o)}
    <details class="report">
      <summary>${t('Bericht als Text (wie npx lotse)', 'Report as text (as npx lotse)')}</summary>
      <pre>${textReport(o).join('\n')}</pre>
    </details>
    ${
      o.feed
        ? html`<section aria-labelledby="download-title">
          <h3 id="download-title">${t('Feed herunterladen', 'Download the feed')}</h3>
          <p class="hint">${t(
            'Laden Sie diese Datei als services.json in den Lotse-Ordner Ihres Servers hoch (neben feed.schema.json). Sie entsteht hier im Browser.',
            'Upload this file as services.json into the Lotse folder on your server (beside feed.schema.json). It is made here in the browser.',
          )}
            ${c.errors ? t(' Achtung: Einträge mit Fehlern fehlen in den Widgets, bis sie korrigiert sind.', ' Note: entries with errors are missing from the widgets until they are fixed.') : ''}</p>
          <a class="button" id="download" href=${state.downloadUrl ?? nothing} download="services.json">${t('services.json herunterladen', 'Download services.json')}</a>
        </section>`
        : nothing
    }`;
}

function draw() {
  const o = state.outcome;
  document.documentElement.lang = state.lang;
  render(
    html`<header>
        <div class="lang-switch" role="group" aria-label="Sprache der Seite / Page language">
          <button type="button" lang="de" aria-pressed=${state.lang === 'de'} @click=${() => setLang('de')}>Deutsch</button>
          <button type="button" lang="en" aria-pressed=${state.lang === 'en'} @click=${() => setLang('en')}>English</button>
        </div>
        <h1>${t('Lotse für Redaktionen', 'Lotse for web editors')}</h1>
        <p>${t(
          'Prüfen Sie Ihre Tabelle oder Ihren Feed, sehen Sie die vier Widgets mit Ihren Daten, laden Sie den fertigen Feed herunter und kopieren Sie den Einbau-Code.',
          'Check your spreadsheet or feed, see the four widgets with your data, download the finished feed and copy the embed code.',
        )}</p>
        <p class="privacy"><strong>${t('Ihre Datei bleibt auf Ihrem Computer.', 'Your file stays on your computer.')}</strong>
          ${t('Diese Seite arbeitet nur in Ihrem Browser, auch ohne Internet; sie sendet nichts.', 'This page works only in your browser, also offline; it sends nothing.')}</p>
      </header>

      <section aria-labelledby="pick-title">
        <h2 id="pick-title">${t('1. Datei wählen', '1. Choose a file')}</h2>
        <div class="drop" @dragover=${(e: DragEvent) => {
          e.preventDefault();
          (e.currentTarget as HTMLElement).classList.add('over');
        }}
          @dragleave=${(e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('over')} @drop=${onDrop}>
          <p>${t('Datei hierher ziehen oder auswählen:', 'Drag a file here or choose it:')}</p>
          <div class="field">
            <label for="file">${t('Tabelle oder Feed', 'Spreadsheet or feed')}</label>
            <input id="file" type="file" accept=".csv,.tsv,.txt,.xlsx,.ods,.json,text/csv,application/json" multiple aria-describedby="file-hint"
              @change=${(e: Event) => {
                const el = e.target as HTMLInputElement;
                void readFiles([...(el.files ?? [])]);
                el.value = '';
              }} />
            <p class="hint" id="file-hint">${t(
              'Die Vorlage angebote-vorlage.csv, eine Excel-Datei (.xlsx), eine LibreOffice-Datei (.ods), Open-Referral-Daten (HSDS 3.0, .json) oder ein Lotse-Feed (.json). Höchstens 50 MB.',
              'The template angebote-vorlage.csv, an Excel file (.xlsx), a LibreOffice file (.ods), Open Referral data (HSDS 3.0, .json) or a Lotse feed (.json). At most 50 MB.',
            )}</p>
          </div>
          <div class="field">
            <label for="folder">${t('Oder ein HSDS-Ordner (CSV-Tabellen mit datapackage.json)', 'Or an HSDS folder (CSV tables with datapackage.json)')}</label>
            <input id="folder" type="file" webkitdirectory
              @change=${(e: Event) => {
                const el = e.target as HTMLInputElement;
                void readFiles([...(el.files ?? [])], true);
                el.value = '';
              }} />
          </div>
        </div>
        <details class="options">
          <summary>${t('Angaben für den Import (Herausgeber, Bundesland …)', 'Import settings (publisher, state …)')}</summary>
          <div class="field">
            <label for="publisher">${t('Herausgeber (wie --publisher)', 'Publisher (as --publisher)')}</label>
            <input id="publisher" type="text" .value=${live(state.options.publisher)} placeholder="Stadt Musterstadt"
              @change=${(e: Event) => option('publisher', (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="state">${t('Bundesland für die Feiertage (wie --state)', 'State for public holidays (as --state)')}</label>
            <select id="state" .value=${live(state.options.state)} @change=${(e: Event) => option('state', (e.target as HTMLSelectElement).value)}>
              ${GERMAN_STATES.map((code) => html`<option value=${code} ?selected=${code === state.options.state}>${code}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="text-lang">${t('Sprache der HSDS-Texte (wie --text-lang, leer: Deutsch)', 'Language of HSDS texts (as --text-lang, empty: German)')}</label>
            <input id="text-lang" type="text" .value=${live(state.options.textLanguage)} placeholder="de"
              @change=${(e: Event) => option('textLanguage', (e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="max-age">${t('Prüfdatum gilt als alt nach … Tagen (wie --max-age-days, Standard 365)', '“Last checked” is old after … days (as --max-age-days, default 365)')}</label>
            <input id="max-age" type="number" min="1" .value=${live(state.options.maxAgeDays)}
              @change=${(e: Event) => option('maxAgeDays', (e.target as HTMLInputElement).value)} />
          </div>
        </details>
        <p class="status" role="status" aria-live="polite" id="read-status">${state.status}</p>
      </section>

      <section aria-labelledby="findings-title" ?hidden=${!o}>
        <h2 id="findings-title" tabindex="-1">${t('2. Ergebnis der Prüfung', '2. Result of the check')}${o ? `: ${o.name}` : ''}</h2>
        ${o ? renderOutcome(o) : nothing}
      </section>

      ${o ? renderPreview(o) : nothing}

      <section aria-labelledby="builder-title">
        <h2 id="builder-title">${t('4. Einbau-Code', '4. Embed code')}</h2>
        <p class="hint">${t(
          'Widget wählen und einstellen, dann den Code in Ihr Redaktionssystem kopieren (TYPO3: Inhaltselement „HTML“, WordPress: Block „Individuelles HTML“, Drupal: Block mit „Full HTML“) – mit Skript oder als iframe, wenn keine Skripte erlaubt sind.',
          'Choose and set up a widget, then copy the code into your content management system (TYPO3: content element "HTML", WordPress: block "Custom HTML", Drupal: block with "Full HTML") – with a script, or as an iframe where scripts are not allowed.',
        )}</p>
        <div id="builder"></div>
      </section>`,
    root,
  );
  // The previewed contact form must never send (its shadow root exists once it is connected).
  const form = root.querySelector<HTMLElement>('lotse-contact-form');
  if (form)
    blockSending(form, () => {
      state.sendNote = t('Vorschau: Die Nachricht wurde nicht gesendet.', 'Preview: the message was not sent.');
      draw();
    });
}

function setLang(lang: UiLang) {
  state.lang = lang;
  if (state.outcome) state.status = statusLine(state.outcome);
  draw();
  builder?.draw();
}

/** The resize script for iframes: built into the page by scripts/build-editor.mjs (a fetch only in development). */
async function hostScript(): Promise<string> {
  const built = document.querySelector<HTMLTemplateElement>('template#lotse-host-snippet')?.content.textContent?.trim();
  if (built) return `<script>\n${built}\n</script>`;
  try {
    return hostScriptFrom(await (await fetch(new URL('../demo/embed-host-snippet.html', location.href))).text());
  } catch {
    return '';
  }
}

/** Start the page in `#redaktion`. */
export async function start(container: HTMLElement): Promise<void> {
  root = container;
  draw();
  builder = mountBuilder(root.querySelector<HTMLElement>('#builder')!, { hostScript: await hostScript(), lang: () => state.lang });
}

const container = document.querySelector<HTMLElement>('#redaktion');
if (container) void start(container);
