// The checks of the WordPress end-to-end test, run by run.sh (which sets the environment):
// the editor publishes pages through the REST API, Chromium opens them, the contact endpoint
// is tried through the form and directly. Prints one line per check; exits 1 if any failed.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { CHROMIUM, QUIET_FLAGS } from '../../../scripts/chromium.mjs';

const require = createRequire(new URL('../../../package.json', import.meta.url));
const puppeteer = require('puppeteer-core');

const env = process.env;
const BASE = env.LOTSE_WP_BASE;
const FEED = '/wp-content/plugins/lotse/assets/services.json';
const ENDPOINT = '/wp-json/lotse/v1/contact';
const SERVICE = 'clearingstelle-gesundheit';
const results = [];

function check(name, ok, detail = '') {
  results.push({ name, ok: Boolean(ok) });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? ` – ${detail}` : ''}`);
}

const editorAuth = 'Basic ' + Buffer.from(`${env.LOTSE_WP_EDITOR}:${env.LOTSE_WP_APP_PASSWORD}`).toString('base64');
async function asEditor(path, init = {}) {
  const res = await fetch(`${BASE}/wp-json${path}`, {
    ...init,
    headers: { Authorization: editorAuth, 'Content-Type': 'application/json', ...init.headers },
  });
  return { status: res.status, json: await res.json() };
}
const sql = (query) =>
  execFileSync('mariadb', ['--no-defaults', `--socket=${env.LOTSE_WP_SOCK}`, '-u', 'root', '-N', '-B', 'wordpress', '-e', query], {
    encoding: 'utf8',
  }).trim();
const rows = (key) => Number(sql(`SELECT COUNT(*) FROM wp_lotse_messages WHERE idempotency_key = '${key}'`));
const mails = () =>
  readFileSync(env.LOTSE_WP_MAIL_LOG, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

/** The <lotse-…> opening tags in a page's HTML, as { tag, attributes: { name: value|true } }. */
function lotseTags(html) {
  return [...html.matchAll(/<(lotse-[a-z-]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>/g)].map(([, tag, attrs]) => ({
    tag,
    attributes: Object.fromEntries([...attrs.matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map(([, n, v]) => [n, v ?? true])),
  }));
}

// ---- 1. The editor publishes three pages ---------------------------------------------------
const block = (widget, attrs = {}) => `<!-- wp:lotse/widget ${JSON.stringify({ widget, ...attrs })} /-->`;
const shortcode = (text) => `<!-- wp:shortcode -->\n${text}\n<!-- /wp:shortcode -->`;
const widgetsContent = [
  '<!-- wp:paragraph --><p>Alle vier Widgets als Block und als Shortcode.</p><!-- /wp:paragraph -->',
  block('service-finder', { categories: 'health', pageSize: 5, lang: 'de', onclick: 'alert(1)' }),
  block('hours-map', { lang: 'de', feed: 'http://evil.example/feed.json' }),
  block('quick-check', { lang: 'de' }),
  block('contact-form', { service: SERVICE, lang: 'de' }),
  shortcode(
    `[lotse widget="service-finder" categories="health" lang="ro" view="compact" onclick="alert(1)" endpoint="https://evil.example/collect" district='a"b' feed="//evil.example/feed.json"]`,
  ),
  shortcode('[lotse widget="hours-map" lang="en"]'),
  shortcode('[lotse widget="quick-check" lang="uk" url-state]'),
  shortcode(`[lotse widget="contact-form" lang="ro" service="${SERVICE}"]`),
  shortcode('[lotse widget="no-such-widget"]'),
].join('\n\n');
const rawContent = `<!-- wp:html -->
<script type="module" src="/elsewhere/lotse.js"></script>
<lotse-quick-check lang="en" onclick="alert(1)" endpoint="https://evil.example/collect"></lotse-quick-check>
<lotse-contact-form lang="de" service="${SERVICE}" endpoint="https://evil.example/collect"></lotse-contact-form>
<iframe src="https://example.org/embed.html"></iframe>
<!-- /wp:html -->`;

async function publish(title, content) {
  const created = await asEditor('/wp/v2/pages', { method: 'POST', body: JSON.stringify({ title, content, status: 'publish' }) });
  const raw = created.json.id ? await asEditor(`/wp/v2/pages/${created.json.id}?context=edit`) : { json: {} };
  return {
    status: created.status,
    state: created.json.status,
    link: created.json.link,
    raw: raw.json.content?.raw ?? '',
    error: created.json.message,
  };
}
const widgetsPage = await publish('Lotse-Widgets', widgetsContent);
check(
  'editor publishes the widget page through the REST API (application password)',
  widgetsPage.status === 201 && widgetsPage.state === 'publish',
  `${widgetsPage.status} ${widgetsPage.error ?? ''}`,
);
check(
  'saved content keeps the 4 blocks and 5 shortcodes',
  (widgetsPage.raw.match(/<!-- wp:lotse\/widget /g) ?? []).length === 4 && (widgetsPage.raw.match(/\[lotse /g) ?? []).length === 5,
);
const rawPage = await publish('Lotse roh', rawContent);
check('editor publishes a page with raw HTML', rawPage.status === 201 && rawPage.state === 'publish', `${rawPage.status}`);
check('KSES is active for the editor: <script> and <iframe> stripped on save', !/<script|<iframe/.test(rawPage.raw), rawPage.raw);
check(
  'raw <lotse-…> tags survive the editor’s save (wp_kses_allowed_html)',
  rawPage.raw.includes(`<lotse-quick-check lang="en">`) && rawPage.raw.includes(`<lotse-contact-form lang="de" service="${SERVICE}">`),
  rawPage.raw,
);
check('…without onclick or a foreign endpoint', !/onclick|evil\.example/.test(rawPage.raw), rawPage.raw);
const plainPage = await publish('Ohne Widget', '<!-- wp:paragraph --><p>Nichts von Lotse hier.</p><!-- /wp:paragraph -->');
check('editor publishes a page without a widget', plainPage.state === 'publish');

// ---- 2. The published markup (as an anonymous visitor sees it) --------------------------------
const widgetsHtml = await (await fetch(widgetsPage.link)).text();
const scriptTags = widgetsHtml.match(/<script\b[^>]*plugins\/lotse\/assets\/lotse\/lotse\.js[^>]*>/g) ?? [];
check('the page has the Lotse script exactly once', scriptTags.length === 1, `${scriptTags.length}: ${scriptTags.join(' ')}`);
check('…as type="module"', scriptTags.length === 1 && /type=["']module["']/.test(scriptTags[0]), scriptTags[0]);
const tags = lotseTags(widgetsHtml);
check('8 widgets on the page (unknown widget left out)', tags.length === 8 && !widgetsHtml.includes('no-such-widget'), `${tags.length}`);
const allowed = new Set([
  'lang',
  'feed',
  'categories',
  'district',
  'view',
  'page-size',
  'url-state',
  'show-map',
  'service',
  'endpoint',
  'privacy-url',
  'retention-days',
  'tiles',
  'attribution',
]);
const strays = tags.flatMap((t) =>
  Object.keys(t.attributes)
    .filter((n) => !allowed.has(n))
    .map((n) => `${t.tag}[${n}]`),
);
check('only known attributes are written (onclick, unknown names dropped)', strays.length === 0, strays.join(', '));
check(
  'every widget gets the settings’ feed (foreign feeds refused)',
  tags.every((t) => t.attributes.feed === FEED),
  JSON.stringify(tags.map((t) => t.attributes.feed)),
);
const [finderBlock, , , contactBlock, finderShort, , checkShort, contactShort] = tags;
check(
  'block attributes arrive: categories="health" page-size="5" lang="de"',
  finderBlock?.attributes.categories === 'health' && finderBlock?.attributes['page-size'] === '5' && finderBlock?.attributes.lang === 'de',
);
check(
  'shortcode attributes arrive: lang="ro" view="compact"; bad district dropped',
  finderShort?.attributes.lang === 'ro' && finderShort?.attributes.view === 'compact' && !('district' in (finderShort?.attributes ?? {})),
);
check('shortcode flag url-state arrives', checkShort?.attributes['url-state'] === true);
const contactOk = (t) =>
  t?.attributes.endpoint === ENDPOINT &&
  t?.attributes['privacy-url'] === '/datenschutz/' &&
  t?.attributes['retention-days'] === '30' &&
  t?.attributes.service === SERVICE;
check(
  'contact forms get the plugin endpoint, privacy link and retention from the settings',
  contactOk(contactBlock) && contactOk(contactShort),
  JSON.stringify([contactBlock, contactShort]),
);
const plainHtml = await (await fetch(plainPage.link)).text();
check('a page without a widget does not load the script', !plainHtml.includes('assets/lotse/lotse.js'));

// ---- 3. Chromium --------------------------------------------------------------------------
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...QUIET_FLAGS, `--user-data-dir=${env.LOTSE_WP_WORK}/chromium`],
});

/** Opens a page, collects errors; waits until every widget shows its content. */
async function openWidgets(context, url, count) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('favicon.ico') && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const ready = () => {
    const els = [...document.querySelectorAll('lotse-service-finder, lotse-hours-map, lotse-quick-check, lotse-contact-form')];
    const shown = (el) => {
      const r = el.shadowRoot;
      if (!r) return false;
      if (el.localName === 'lotse-service-finder') return r.querySelector('[part~="card"]');
      if (el.localName === 'lotse-hours-map') return r.querySelector('[part~="entry"], [part~="week"]');
      if (el.localName === 'lotse-quick-check') return r.querySelector('#qc-heading');
      return r.querySelector('[part~="form"] #cf-method-phone');
    };
    return els.map(
      (el) => `${el.localName}:${shown(el) ? 'shown' : (el.shadowRoot?.textContent ?? 'no shadow root').trim().slice(0, 120)}`,
    );
  };
  let states = [];
  try {
    await page.waitForFunction(
      (n, src) => {
        const f = new Function(`return (${src})()`);
        const s = f();
        return s.length === n && s.every((x) => x.endsWith(':shown'));
      },
      { timeout: 90_000, polling: 300 },
      count,
      ready.toString(),
    );
  } catch {
    // reported below
  }
  states = await page.evaluate(ready);
  return { page, problems, states };
}

const visitor = await browser.createBrowserContext();
const w = await openWidgets(visitor, widgetsPage.link, 8);
check(
  'Chromium: all 8 widgets render their content in the shadow DOM',
  w.states.length === 8 && w.states.every((s) => s.endsWith(':shown')),
  w.states.join(' | '),
);
const kinds = new Set(w.states.filter((s) => s.endsWith(':shown')).map((s) => s.split(':')[0]));
check('…each of the four widgets', kinds.size === 4, [...kinds].join(', '));
const domScripts = await w.page.evaluate(() =>
  [...document.querySelectorAll('script[src*="/plugins/lotse/assets/lotse/lotse.js"]')].map((s) => s.type),
);
check('Chromium: one script element, type module', domScripts.length === 1 && domScripts[0] === 'module', JSON.stringify(domScripts));
const ukrainian = await w.page.evaluate(
  () => document.querySelectorAll('lotse-quick-check')[1]?.shadowRoot?.querySelector('#qc-heading')?.textContent ?? '',
);
check('the shortcode’s lang="uk" is used (Cyrillic heading)', /[\u0400-\u04ff]/.test(ukrainian), ukrainian);

// Contact through the form: the first contact form (block, service preset).
await new Promise((r) => setTimeout(r, 2500)); // a person takes longer than 2 s (spam rule)
await w.page.evaluate(() => {
  window.__sent = [];
  document.addEventListener('lotse-contact-sent', (e) => window.__sent.push(e.detail));
});
const inForm = (selector) =>
  w.page.evaluateHandle((s) => document.querySelector('lotse-contact-form').shadowRoot.querySelector(s), selector);
await (await inForm('#cf-method-phone')).click();
await w.page.waitForFunction(() => document.querySelector('lotse-contact-form').shadowRoot.querySelector('#cf-phone'));
await (await inForm('#cf-phone')).type('0171 3920012');
await (await inForm('[part~="submit-button"]')).click();
let sent = [];
try {
  await w.page.waitForFunction(() => window.__sent.length > 0, { timeout: 30_000 });
  sent = await w.page.evaluate(() => window.__sent);
} catch {
  // reported below
}
check('the form in the page sends a message (lotse-contact-sent)', sent.length === 1, JSON.stringify(sent));
const formKey = sent[0]?.id ?? 'none';
const formRef = sent.length ? sql(`SELECT reference FROM wp_lotse_messages WHERE idempotency_key = '${formKey}'`) : '';
check(
  '…stored once in the database, not as spam',
  rows(formKey) === 1 && sql(`SELECT is_spam FROM wp_lotse_messages WHERE idempotency_key = '${formKey}'`) === '0',
);
const formText = await w.page.evaluate(() => document.querySelector('lotse-contact-form').shadowRoot.textContent);
check('…the visitor sees the reference', formRef && formText.includes(formRef), formRef);
const formMails = mails().filter((m) => m.subject.includes(formRef || '#'));
check(
  '…one mail to the service’s recipient (per-service setting)',
  formMails.length === 1 && formMails[0].to === 'clearing@example.org',
  JSON.stringify(formMails),
);
check(
  '…no personal data in the subject, the number in the text',
  formMails.length === 1 && !/3920012|0171/.test(formMails[0].subject) && formMails[0].message.includes('0171 3920012'),
  formMails[0]?.subject,
);
check('Chromium: no script errors or failed requests on the widget page', w.problems.length === 0, w.problems.join(' | '));

// The raw-HTML page: the tags kept by KSES get the feed and endpoint from the settings.
const r = await openWidgets(visitor, rawPage.link, 2);
check(
  'raw tags saved by the editor render (quick-check, contact form)',
  r.states.length === 2 && r.states.every((s) => s.endsWith(':shown')),
  r.states.join(' | '),
);
const rawTags = lotseTags(await (await fetch(rawPage.link)).text());
check(
  '…with the settings’ feed and the plugin endpoint',
  rawTags.length === 2 && rawTags.every((t) => t.attributes.feed === FEED) && rawTags[1].attributes.endpoint === ENDPOINT,
  JSON.stringify(rawTags),
);

// ---- 4. The block editor and the settings page -------------------------------------------------
async function login(user, password) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/wp-login.php`, { waitUntil: 'load' });
  // Set the fields at once: the login page moves the focus to the name field after 200 ms.
  await page.$eval('#user_login', (el, v) => (el.value = v), user);
  await page.$eval('#user_pass', (el, v) => (el.value = v), password);
  await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: 60_000 }), page.click('#wp-submit')]);
  return { context, page };
}
const editor = await login(env.LOTSE_WP_EDITOR, env.LOTSE_WP_EDITOR_PASSWORD);
check(
  'the editor logs in',
  editor.page.url().includes('/wp-admin/'),
  `${editor.page.url()} ${await editor.page.evaluate(() => document.querySelector('#login_error')?.innerText ?? '')}`,
);
const editorProblems = [];
editor.page.on('pageerror', (e) => editorProblems.push(`pageerror: ${e.message}`));
editor.page.on('console', (m) => m.type() === 'error' && editorProblems.push(`console: ${m.text()}`));
await editor.page.goto(`${BASE}/wp-admin/post-new.php?post_type=page`, { waitUntil: 'load', timeout: 120_000 });
let editorState = {};
try {
  await editor.page.waitForFunction(() => window.wp?.blocks?.getBlockType?.('lotse/widget') && window.wp.data.select('core/block-editor'), {
    timeout: 90_000,
  });
  editorState = await editor.page.evaluate(async () => {
    const { blocks, data } = window.wp;
    data.dispatch('core/block-editor').insertBlocks(blocks.createBlock('lotse/widget', { widget: 'contact-form', service: 'x' }));
    await new Promise((r) => setTimeout(r, 1500));
    return {
      variations: blocks.getBlockVariations('lotse/widget').map((v) => v.name),
      placeholder: document.body.innerText.includes('Lotse: Kontaktformular'),
    };
  });
} catch (e) {
  editorState = {
    error: String(e),
    url: editor.page.url(),
    problems: editorProblems,
    scripts: await editor.page.evaluate(() =>
      [...document.scripts].map((x) => x.src).filter((x) => /lotse|blocks\.min|block-editor/.test(x)),
    ),
    wp: await editor.page.evaluate(() => Object.keys(window.wp ?? {}).join(',')),
  };
}
check(
  'block editor: the block and its 4 variations are registered (no build step)',
  editorState.variations?.length === 4,
  JSON.stringify(editorState),
);
check('block editor: an inserted block shows its placeholder', editorState.placeholder === true, JSON.stringify(editorState));
// A new tab: the block editor would ask before leaving the page with the unsaved block.
const editorTab = await editor.context.newPage();
const editorSettings = await editorTab.goto(`${BASE}/wp-admin/options-general.php?page=lotse`, { waitUntil: 'load' });
check('an editor cannot open Settings → Lotse', editorSettings.status() === 403, String(editorSettings.status()));

const admin = await login('admin', env.LOTSE_WP_ADMIN_PASSWORD);
await admin.page.goto(`${BASE}/wp-admin/options-general.php?page=lotse`, { waitUntil: 'load' });
const formFields = await admin.page.evaluate(() => ({
  nonce: Boolean(document.querySelector('form[action="options.php"] input[name="_wpnonce"]')),
  group: document.querySelector('input[name="option_page"]')?.value,
}));
check(
  'settings form has a nonce and goes through options.php',
  formFields.nonce && formFields.group === 'lotse',
  JSON.stringify(formFields),
);
await admin.page.$eval('#lotse-feed', (el) => (el.value = '//evil.example/services.json'));
await Promise.all([admin.page.waitForNavigation({ waitUntil: 'load' }), admin.page.click('#submit')]);
const notice = await admin.page.evaluate(() => document.body.innerText);
const storedFeed = sql(`SELECT option_value FROM wp_options WHERE option_name = 'lotse_settings'`);
check(
  'settings form refuses a protocol-relative feed with a German message',
  notice.includes('Die Feed-Adresse muss') && !storedFeed.includes('evil.example') && storedFeed.includes('clearing@example.org'),
  notice.slice(0, 300),
);
await browser.close();

// ---- 5. The contact endpoint directly (no cookies, like the form) ------------------------------
async function post(key, body, headers = {}) {
  const res = await fetch(`${BASE}${ENDPOINT}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json, headers: res.headers };
}
const isJson = (res) => res.type.startsWith('application/json') && res.json !== undefined && !/^\s*</.test(res.text);
const message = (id, extra = {}) => ({
  id,
  createdAt: new Date().toISOString(),
  locale: 'ro',
  serviceId: SERVICE,
  topic: null,
  contact: { method: 'phone', value: '0171 2345678', normalized: '+491712345678' },
  language: 'ro',
  times: ['morning'],
  days: ['mo', 'we'],
  message: 'Bună ziua, vă rog să mă sunați.',
  name: 'Ana',
  honeypot: '',
  fillTimeMs: 48210,
  ...extra,
});
const total = () => Number(sql('SELECT COUNT(*) FROM wp_lotse_messages'));
const mailsFor = (ref) => mails().filter((m) => m.subject.includes(ref)).length;

const before = total();
const a = randomUUID();
const a1 = await post(a, message(a));
const a2 = await post(a, message(a));
check(
  'POST → 201 {"reference"} as JSON',
  a1.status === 201 && isJson(a1) && /^[A-Z2-9]{3}-[A-Z2-9]{3}$/.test(a1.json?.reference ?? ''),
  `${a1.status} ${a1.text}`,
);
check('same key again → the same answer', a2.status === 201 && a2.json?.reference === a1.json?.reference, `${a2.status} ${a2.text}`);
check('same key twice → one row, one mail', rows(a) === 1 && mailsFor(a1.json?.reference) === 1, `${rows(a)} rows`);
check('no cookie is set', !a1.headers.get('set-cookie'));
const b = randomUUID();
const b1 = await post(b, message(b));
check(
  'a second key → a second row with another reference',
  b1.status === 201 && rows(b) === 1 && b1.json?.reference !== a1.json?.reference && total() === before + 2,
  `${b1.status} total ${total()}`,
);
const d = randomUUID();
const parallel = await Promise.all(Array.from({ length: 5 }, () => post(d, message(d))));
check(
  '5 parallel requests with one key → one row, one mail, one reference',
  parallel.every((p) => p.status === 201) &&
    new Set(parallel.map((p) => p.json?.reference)).size === 1 &&
    rows(d) === 1 &&
    mailsFor(parallel[0].json?.reference) === 1,
  parallel.map((p) => `${p.status} ${p.json?.reference}`).join(', '),
);
const e = randomUUID();
const spam = await post(e, message(e, { honeypot: 'http://spam.example' }));
const f = randomUUID();
const quick = await post(f, message(f, { fillTimeMs: 300 }));
check(
  'honeypot or fill time under 2 s → 201, stored as spam, not mailed',
  spam.status === 201 &&
    quick.status === 201 &&
    sql(`SELECT SUM(is_spam) FROM wp_lotse_messages WHERE idempotency_key IN ('${e}', '${f}')`) === '2' &&
    mailsFor(spam.json?.reference) === 0 &&
    mailsFor(quick.json?.reference) === 0,
);

const noKey = await post('', message(randomUUID()));
check(
  'no Idempotency-Key → 400 with a German message',
  noKey.status === 400 && isJson(noKey) && /Idempotency-Key fehlt/.test(noKey.json?.message),
  noKey.text,
);
const badJson = await post(randomUUID(), '{"id": ');
check(
  'broken JSON → 400 "kein JSON" (not WordPress’s English error)',
  badJson.status === 400 && isJson(badJson) && /kein JSON/.test(badJson.json?.message),
  badJson.text,
);
const noContact = await post(randomUUID(), message('x1', { contact: undefined }));
check(
  'no contact → 422 "Es fehlt, wie wir Sie erreichen können."',
  noContact.status === 422 && isJson(noContact) && /erreichen/.test(noContact.json?.message),
  noContact.text,
);
const badTimes = await post(randomUUID(), message('x2', { times: ['midnight'] }));
check('unknown call-back time → 422', badTimes.status === 422 && isJson(badTimes), badTimes.text);
const getRes = await fetch(`${BASE}${ENDPOINT}`);
const getText = await getRes.text();
check(
  'GET on the endpoint → JSON error, not an HTML page',
  getRes.status >= 400 && (getRes.headers.get('content-type') ?? '').startsWith('application/json') && !/^\s*</.test(getText),
  `${getRes.status} ${getText.slice(0, 80)}`,
);
const preflight = await fetch(`${BASE}${ENDPOINT}`, {
  method: 'OPTIONS',
  headers: {
    Origin: 'https://stadt.example',
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': 'content-type,idempotency-key',
  },
});
check(
  'CORS preflight allows the Idempotency-Key header',
  /idempotency-key/i.test(preflight.headers.get('access-control-allow-headers') ?? ''),
  preflight.headers.get('access-control-allow-headers'),
);
let limited;
for (let i = 0; i < 12 && !limited; i++) {
  const k = randomUUID();
  const res = await post(k, message(k));
  if (res.status === 429) limited = res;
}
check(
  'many new messages from one address → 429 with Retry-After, as JSON',
  limited && isJson(limited) && Number(limited.headers.get('retry-after')) > 0,
  limited ? limited.text : 'never limited',
);

const failed = results.filter((x) => !x.ok);
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
