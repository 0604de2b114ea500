// The demo's contact endpoint, in plain Node (no framework), shared by the Vite dev server
// (demo/contact-endpoint.ts) and the test server (web-test-runner.config.mjs).
//
// What it does, as a city's endpoint should (see README, "Contact endpoint"):
// - POST /api/contact with a JSON body and an `Idempotency-Key` header;
// - the same key always gets the same answer: a repeated message is stored once;
// - 201 { reference } when the message is kept; 400/413/422 { message } when it cannot be;
// - honeypot filled or fill time under 2 s: answered like any message, but marked as spam.
// It is a demo: no authentication, no forwarding, no deletion schedule.
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomInt } from 'node:crypto';

const METHODS = new Set(['phone', 'sms', 'whatsapp', 'email', 'visit']);
const MAX_BODY = 64 * 1024;
const KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** Idempotency and messages in memory only (tests). */
export function memoryStore() {
  const answers = new Map();
  const messages = [];
  return {
    messages,
    get: (key) => answers.get(key),
    /** Remember the answer for `key`; `record` is a kept message (or undefined for a 4xx). */
    save(key, answer, record) {
      answers.set(key, answer);
      if (record) messages.push(record);
    },
  };
}

/** Messages appended as JSON lines to `file`; earlier lines are read back for idempotency. */
export function fileStore(file) {
  const store = memoryStore();
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        const record = JSON.parse(line);
        if (record.key && record.reference) store.save(record.key, created(record.reference), record);
      } catch {
        // a broken line (e.g. cut off by a crash) is skipped
      }
    }
  }
  return {
    messages: store.messages,
    get: store.get,
    save(key, answer, record) {
      store.save(key, answer, record);
      if (!record) return;
      mkdirSync(dirname(file), { recursive: true });
      appendFileSync(file, JSON.stringify(record) + '\n');
    },
  };
}

const created = (reference) => ({ status: 201, body: { reference } });
const problem = (status, message) => ({ status, body: { message } });

/** A reference that is easy to read out on the phone: no 0/O, 1/I/L. */
function makeReference() {
  const letters = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let ref = '';
  for (let i = 0; i < 6; i++) ref += letters[randomInt(letters.length)];
  return `${ref.slice(0, 3)}-${ref.slice(3)}`;
}

/** What is wrong with a body, in plain German, or undefined. */
function invalid(body) {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'Die Nachricht fehlt.';
  const str = (v, max) => typeof v === 'string' && v.length <= max;
  if (!str(body.id, 128) || !body.id) return 'Die Nachricht hat keine Nummer (id).';
  if (!str(body.createdAt, 40) || Number.isNaN(Date.parse(body.createdAt))) return 'Die Zeit (createdAt) fehlt.';
  if (!body.serviceId && !body.topic) return 'Es fehlt, worum es geht.';
  const contact = body.contact;
  if (!contact || !METHODS.has(contact.method)) return 'Es fehlt, wie wir Sie erreichen können.';
  if (contact.method !== 'visit' && (!str(contact.value, 200) || !contact.value.trim())) {
    return 'Es fehlt Ihre Telefonnummer oder E-Mail-Adresse.';
  }
  if (body.message !== undefined && !str(body.message, 5000)) return 'Die Nachricht ist zu lang.';
  if (body.name !== undefined && !str(body.name, 200)) return 'Der Name ist zu lang.';
  return undefined;
}

/**
 * Handle one contact request. Framework-neutral: `raw` is the body text, `headers` has
 * lower-case names. Returns `{ status, body }` to send as JSON.
 */
export function handleContact(raw, headers, store, now = new Date()) {
  const key = String(headers['idempotency-key'] ?? '');
  if (!KEY.test(key)) return problem(400, 'Der Header Idempotency-Key fehlt.');
  const known = store.get(key);
  if (known) return known;
  let body;
  try {
    body = JSON.parse(raw);
  } catch {
    const answer = problem(400, 'Die Nachricht ist kein JSON.');
    store.save(key, answer);
    return answer;
  }
  const reason = invalid(body);
  if (reason) {
    const answer = problem(422, reason);
    store.save(key, answer);
    return answer;
  }
  const reference = makeReference();
  const spam = Boolean(body.honeypot) || (typeof body.fillTimeMs === 'number' && body.fillTimeMs < 2000);
  const answer = created(reference);
  store.save(key, answer, { key, reference, receivedAt: now.toISOString(), spam, message: body });
  return answer;
}

/**
 * A Node `(req, res, next)` middleware for `POST <path>`, used by Vite (connect) and, wrapped,
 * by the test server (koa).
 * - `failEvery: N`: every Nth request answers 503 before anything is stored (shows retries).
 * - `testControls`: `?fail=N&status=S` on the endpoint fails the first N requests of each key
 *   with S (default 503); `GET <path>/messages?key=K` returns `{ requests, messages }`.
 */
export function contactMiddleware({ path = '/api/contact', store = memoryStore(), failEvery = 0, testControls = false } = {}) {
  let count = 0;
  const perKey = new Map();
  const send = (res, status, body, extra = {}) => {
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    for (const [name, value] of Object.entries(extra)) res.setHeader(name, value);
    res.end(JSON.stringify(body));
  };
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (testControls && req.method === 'GET' && url.pathname === `${path}/messages`) {
      const key = url.searchParams.get('key') ?? '';
      return send(res, 200, { requests: perKey.get(key) ?? 0, messages: store.messages.filter((m) => m.key === key) });
    }
    if (url.pathname !== path) return next();
    if (req.method !== 'POST') return send(res, 405, { message: 'Nur POST.' }, { Allow: 'POST' });
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => {
      const key = String(req.headers['idempotency-key'] ?? '');
      const seen = (perKey.get(key) ?? 0) + 1;
      perKey.set(key, seen);
      count++;
      if (failEvery > 0 && count % failEvery === 0) {
        return send(res, 503, { message: 'Der Server ist kurz nicht erreichbar (Demo).' }, { 'Retry-After': '2' });
      }
      if (testControls && seen <= Number(url.searchParams.get('fail') ?? 0)) {
        return send(res, Number(url.searchParams.get('status') ?? 503), { message: 'Test: kurz nicht erreichbar.' });
      }
      if (size > MAX_BODY) return send(res, 413, { message: 'Die Nachricht ist zu groß.' });
      const { status, body } = handleContact(Buffer.concat(chunks).toString('utf8'), req.headers, store);
      send(res, status, body);
    });
    req.on('error', () => send(res, 400, { message: 'Die Anfrage ist abgebrochen.' }));
  };
}

/** The same middleware for koa-based servers such as @web/dev-server / web-test-runner. */
export function contactKoaMiddleware(options) {
  const handle = contactMiddleware(options);
  return (ctx, next) =>
    new Promise((resolve, reject) => {
      let passed = false;
      ctx.respond = false;
      ctx.res.on('finish', () => passed || resolve());
      handle(ctx.req, ctx.res, () => {
        passed = true;
        ctx.respond = true;
        next().then(resolve, reject);
      });
    });
}
