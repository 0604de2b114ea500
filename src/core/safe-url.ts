/**
 * One check for addresses that Lotse requests or links to.
 *
 * `safeUrl(value, rule)` returns the parsed URL when `value` is a plain http(s) address (or a
 * path, when `rule.base` is given), and `undefined` for anything else: other schemes
 * (`javascript:`, `data:`, `blob:` …), protocol-relative `//host`, backslashes (browsers read
 * `/\host` as `//host`), whitespace and control characters (the URL parser drops tabs and line
 * breaks, so `java\tscript:` would become `javascript:`), user names (`https://stadt.de@evil`),
 * and the same tricks percent-encoded (`%2F%2Fhost`, `https%3A%2F%2Fhost`, `%5C`), in case a
 * server or proxy decodes the path once more.
 *
 * A path on the same site passes only when `rule.base` is given (that is the one option for
 * paths): the contact form's endpoint and privacy link, the hours map's tiles and embed.html's
 * addresses pass it; feed links (`safeWebHref`) do not, so they must be absolute.
 * With `rule.origins` only addresses on the base's own origin or on one of those origins pass
 * (the origin rule of embed.html). Every URL check in Lotse is this one.
 */
export interface UrlRule {
  /** Resolve paths against this address (usually `location.href`); its origin is "this server". */
  base?: string;
  /** Only the base's origin and these (serialized origins, `https://daten.stadt.de`). Omitted: any. */
  origins?: readonly string[];
  /** Plain `http:` only on the base's own origin. */
  httpsOnly?: boolean;
}

/** Whitespace, control characters and backslashes: never in an address we accept. */
const UNSAFE = /[\s\u0000-\u001f\u007f-\u009f\\]/;
/** In a percent-decoded variant: control characters and backslashes (a space is harmless). */
const UNSAFE_DECODED = /[\u0000-\u001f\u007f-\u009f\\]/;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const MAX_LENGTH = 2048;

/** No tricks in the text itself, nor in what it becomes when percent-decoded (up to 3 times). */
function plain(raw: string): boolean {
  if (UNSAFE.test(raw) || raw.startsWith('//')) return false;
  let text = raw;
  for (let round = 0; round < 3; round++) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(text);
    } catch {
      return false; // a stray "%": not an address an editor meant
    }
    if (decoded === text) return true;
    if (UNSAFE_DECODED.test(decoded) || /^\s|^\/\//.test(decoded)) return false;
    // A path that decodes to a scheme ("https%3A%2F%2Fhost", "javascript%3A…") is a disguise.
    if (SCHEME.test(decoded) && !SCHEME.test(text)) return false;
    text = decoded;
  }
  return false;
}

/** The URL when `value` is a safe http(s) address under `rule`, else `undefined`. */
export function safeUrl(value: unknown, rule: UrlRule = {}): URL | undefined {
  if (typeof value !== 'string') return undefined;
  const raw = value.trim();
  if (!raw || raw.length > MAX_LENGTH || !plain(raw)) return undefined;
  let url: URL;
  let self: string | undefined;
  try {
    url = new URL(raw, rule.base);
    self = rule.base === undefined ? undefined : new URL(rule.base).origin;
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username || url.password) return undefined;
  const own = self !== undefined && url.origin === self;
  if (own) return url;
  if (rule.httpsOnly && url.protocol !== 'https:') return undefined;
  if (rule.origins && !rule.origins.includes(url.origin)) return undefined;
  return url;
}

/**
 * The origin named by one entry of an allow-list (`https://daten.stadt.de`), or `undefined`
 * when the entry is no bare https origin: a path, query or user name would suggest a limit
 * the check does not make. Plain http is accepted only for this computer (localhost,
 * 127.0.0.1, [::1]), for development.
 */
export function allowedOrigin(entry: unknown): string | undefined {
  if (typeof entry !== 'string' || !plain(entry.trim())) return undefined;
  try {
    const url = new URL(entry.trim());
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return undefined;
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}
