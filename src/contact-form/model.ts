/**
 * The contact form's data: fields, checks, the request body and the draft in sessionStorage.
 * No UI here, so the rules can be read (and tested) in one place.
 */

/** How the resident wants to be reached. `visit`: "I will come by", no detail needed. */
export type Method = 'phone' | 'sms' | 'whatsapp' | 'email' | 'visit';
export const METHODS: readonly Method[] = ['phone', 'sms', 'whatsapp', 'email', 'visit'];
/** Methods that need a phone number. */
export const PHONE_METHODS: ReadonlySet<string> = new Set(['phone', 'sms', 'whatsapp']);

/** Good times to call: id, from and to (minutes since midnight). */
export type TimeOfDay = 'morning' | 'afternoon' | 'evening';
export const TIMES: readonly [TimeOfDay, number, number][] = [
  ['morning', 8 * 60, 12 * 60],
  ['afternoon', 12 * 60, 17 * 60],
  ['evening', 17 * 60, 20 * 60],
];

/** Days a call-back may come on (Monday to Saturday; counselling services do not call on Sundays). */
export const CALL_DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa'] as const;
export type CallDay = (typeof CALL_DAYS)[number];

/** The longest message we accept (the demo endpoint allows more, so this check decides). */
export const MAX_MESSAGE = 2000;

export interface Fields {
  /** A preset service (attribute, event, or kept from the draft); '' if none. */
  serviceId: string;
  /** A category id, or `other`; used when no service is preset. */
  topic: string;
  method: Method | '';
  phone: string;
  email: string;
  /** Language of the answer; '' means the default (see the widget). */
  language: string;
  times: TimeOfDay[];
  /** Days that suit a call-back; empty means any day. */
  days: CallDay[];
  message: string;
  name: string;
  /** The honeypot: people never see it, so it stays empty. */
  honeypot: string;
}

export const emptyFields = (): Fields => ({
  serviceId: '',
  topic: '',
  method: '',
  phone: '',
  email: '',
  language: '',
  times: [],
  days: [],
  message: '',
  name: '',
  honeypot: '',
});

/** Did the resident enter anything worth keeping? */
export const hasInput = (f: Fields) =>
  Boolean(f.topic || f.method || f.phone.trim() || f.email.trim() || f.times.length || f.days.length || f.message.trim() || f.name.trim());

/** What can be wrong, per field; the widget turns these into the question's own words. */
export type Problem = 'missing' | 'format' | 'length';
export type Checked = 'topic' | 'method' | 'phone' | 'email' | 'message';
export type Problems = Partial<Record<Checked, Problem>>;

/** Eastern Arabic and Persian digits as 0-9: people type numbers on their own keyboard. */
const asciiDigits = (s: string) => s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) & 0xf));

/**
 * A phone number as +49…, accepting how people write it: spaces, dashes, slashes, brackets,
 * +49, 0049, +49 (0), a leading 0 (German number), Arabic digits. Undefined if it cannot be one.
 */
export function normalizePhone(raw: string): string | undefined {
  let s = asciiDigits(raw.trim())
    .replace(/^(\+|00)\s*49\s*\(0\)/, '+49')
    .replace(/[\s\-/().]/g, '');
  if (s.startsWith('00')) s = '+' + s.slice(2);
  else if (s.startsWith('0')) s = '+49' + s.slice(1);
  return /^\+[1-9]\d{6,14}$/.test(s) ? s : undefined;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]{2,}$/;

/** Check the fields; `hasService` says a known service is preset (then no topic is needed). */
export function check(f: Fields, hasService: boolean): Problems {
  const problems: Problems = {};
  if (!hasService && !f.topic) problems.topic = 'missing';
  if (!f.method) problems.method = 'missing';
  if (PHONE_METHODS.has(f.method)) {
    if (!f.phone.trim()) problems.phone = 'missing';
    else if (!normalizePhone(f.phone)) problems.phone = 'format';
  }
  if (f.method === 'email') {
    if (!f.email.trim()) problems.email = 'missing';
    else if (!EMAIL.test(f.email.trim())) problems.email = 'format';
  }
  if (f.message.length > MAX_MESSAGE) problems.message = 'length';
  return problems;
}

/** The documented request body (see README, "Contact endpoint"). */
export interface ContactBody {
  id: string;
  createdAt: string;
  locale: string;
  serviceId: string | null;
  topic: string | null;
  contact: { method: Method; value: string; normalized?: string };
  language: string;
  times: TimeOfDay[];
  /** Days that suit a call-back (mo … sa); empty: any day or not asked. */
  days: CallDay[];
  message: string;
  name: string;
  honeypot: string;
  fillTimeMs: number;
}

/** A message on its way: frozen at "send", delivered with `id` as the Idempotency-Key. */
export interface Pending {
  id: string;
  body: ContactBody;
}

/** A random UUID v4; `randomUUID` only exists in secure contexts (https, localhost). */
export function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---- Draft -------------------------------------------------------------------------------

/** What survives a reload of the tab (sessionStorage: gone when the tab closes). */
export interface Draft {
  fields: Fields;
  startedAt: number;
  pending?: Pending;
}

export function loadDraft(key: string): Draft | undefined {
  try {
    const raw = sessionStorage.getItem(key);
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as Draft;
    if (!draft || typeof draft !== 'object' || typeof draft.fields !== 'object') return undefined;
    return { ...draft, fields: { ...emptyFields(), ...draft.fields } };
  } catch {
    return undefined; // storage blocked or a broken entry: start empty
  }
}

export function saveDraft(key: string, draft: Draft) {
  try {
    if (!draft.pending && !hasInput(draft.fields)) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(draft));
  } catch {
    // Storage blocked or full: the form still works, it just cannot survive a reload.
  }
}

export function clearDraft(key: string) {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // nothing stored
  }
}
