/**
 * One delivery attempt of a contact message: POST JSON with an Idempotency-Key, and a
 * verdict on the answer — sent, try again later, or rejected (a 4xx the resident must see).
 */
import type { ContactBody } from './model.js';

/** Timing of delivery; tests shorten it. */
export const deliveryOptions = {
  /** Give up on one attempt after this long (request and answer). */
  timeoutMs: 20_000,
  /** Waits before the automatic retries; the last one repeats while the page is open. */
  retryDelaysMs: [2_000, 5_000, 15_000, 30_000, 60_000],
};

/** 4xx answers that are about the message itself, not about a broken endpoint. */
const REJECTING = new Set([400, 409, 413, 415, 422]);

export type Outcome =
  | { kind: 'sent'; reference?: string }
  /**
   * Not delivered, try again. `serverProblem`: the endpoint is missing or misconfigured (404,
   * a web page instead of JSON …) — not the visitor's fault, so they are told so.
   */
  | { kind: 'retry'; status: number; afterMs?: number; serverProblem?: boolean }
  | { kind: 'rejected'; status: number; message?: string | Record<string, string> };

/** The wait before retry number `attempt` (1-based), ±20 % so that many phones do not return at once. */
export function backoff(attempt: number, afterMs = 0): number {
  const delays = deliveryOptions.retryDelaysMs;
  const base = delays[Math.min(attempt, delays.length) - 1] ?? 0;
  return Math.max(afterMs, Math.round(base * (0.8 + Math.random() * 0.4)));
}

/** A server's short message from JSON (`message`, `error`, `detail`, `title`) or plain text. */
function serverMessage(text: string, type: string): string | Record<string, string> | undefined {
  const clean = (s: unknown) =>
    typeof s === 'string' && s.trim()
      ? s
          .replace(/[\u0000-\u001f\u007f]+/g, ' ')
          .trim()
          .slice(0, 300)
      : undefined;
  if (/json/i.test(type) || /^\s*[{[]/.test(text)) {
    try {
      const data = JSON.parse(text);
      for (const value of [data?.message, data?.error?.message, data?.error, data?.detail, data?.title]) {
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          const texts = Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => clean(v))
              .map(([k, v]) => [k, clean(v)!]),
          );
          if (Object.keys(texts).length) return texts;
        }
        const found = clean(value);
        if (found) return found;
      }
    } catch {
      // not JSON after all
    }
    return undefined;
  }
  return /^text\/plain/i.test(type) ? clean(text) : undefined;
}

/** A reference the resident can write down: a short string or number from `{ reference }`. */
function reference(text: string): string | undefined {
  try {
    const value = JSON.parse(text)?.reference;
    if ((typeof value === 'string' || typeof value === 'number') && String(value).trim()) {
      return String(value).trim().slice(0, 64);
    }
  } catch {
    // no JSON: the message id is the reference
  }
  return undefined;
}

/** Seconds or an HTTP date → ms, capped at 5 minutes. */
function retryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const ms = /^\d+$/.test(value.trim()) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 300_000) : undefined;
}

/**
 * Send once. Never throws. `signal` cancels (the resident deleted the message).
 * No cookies are sent (`credentials: 'omit'`): the endpoint needs none.
 */
export async function deliver(endpoint: string, body: ContactBody, signal?: AbortSignal): Promise<Outcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), deliveryOptions.timeoutMs);
  const cancel = () => abort.abort();
  signal?.addEventListener('abort', cancel);
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': body.id },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: abort.signal,
    });
    const { status } = response;
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const webPage = /html/i.test(type);
    if (status >= 200 && status < 300) {
      // A CMS that answers every address with a web page has not received anything.
      if (webPage) return { kind: 'retry', status, serverProblem: true };
      return { kind: 'sent', reference: reference(text) };
    }
    if (status >= 500 || status === 408 || status === 425 || status === 429) {
      return { kind: 'retry', status, afterMs: retryAfter(response.headers.get('retry-after')) };
    }
    // Only an answer about this message (bad request, too large, unprocessable) is a "no" the
    // visitor can act on; a missing or forbidden endpoint (404, 405, 410, 401, 403 …) or a web
    // page is the city's problem: the message is kept and tried again.
    if (!webPage && REJECTING.has(status)) return { kind: 'rejected', status, message: serverMessage(text, type) };
    return { kind: 'retry', status, serverProblem: true };
  } catch {
    // Offline, DNS, CORS, timeout, or an answer cut off: the message may or may not have
    // arrived. The retry uses the same key, so the server keeps it once.
    return { kind: 'retry', status: 0 };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', cancel);
  }
}
