/**
 * Languages of the Lotse UI.
 *
 * Strings are marked with `msg()` from @lit/localize and translated in `locales/*.xlf`.
 * Lit-localize's runtime mode knows one locale per page, but two Lotse widgets on one page
 * may speak different languages (an editor can pin one with `lang`). So we install one msg
 * implementation that reads the templates of whichever widget is rendering right now:
 * `LotseElement.update()` calls `withLocale()` around Lit's synchronous render.
 *
 * A widget loads only the strings it renders: per language, the part of src/core/ (loading
 * state, errors, picker, opening times: every widget) and the part of its own folder, both
 * split from lit-localize's output by `scripts/locale-parts.mjs`. A module the widget loads
 * lazily may have a part of its own (the finder's detail view), which the widget loads with
 * that module (`addLazyPart`), not before its first view.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { MsgFn, TemplateMap } from '@lit/localize/internal/types.js';
import { sourceLocale } from '../generated/locale-codes.js';
import core from '../generated/locales/core.js';
import { LOCALES, type Locale } from './locales.js';

export { LOCALES, LOCALE_NAMES, RTL_LOCALES, type Locale } from './locales.js';

type Loader = () => Promise<{ templates: TemplateMap }>;
/**
 * A part of the translations (src/core/ or a widget folder): its lazy chunk per target
 * language, from src/generated/locales/<part>.ts. Each widget names its own part.
 */
export type Translations = Record<Exclude<Locale, typeof sourceLocale>, Loader>;
/** The chunk of `part` in `locale`; none for German, the source. */
const chunkOf = (part: Translations, locale: Locale): Loader | undefined => (part as Partial<Record<Locale, Loader>>)[locale];

/** Lazy parts added to a widget's part (`addLazyPart`). */
const lazyParts = new Map<Translations, Translations[]>();
const partsOf = (part: Translations) => [core, part, ...(lazyParts.get(part) ?? [])];

/** Per chunk of a widget part, once loaded: its templates merged with those of src/core/ and of its lazy parts (`parts`: how many were merged). */
const loaded = new Map<Loader, { parts: number; templates: TemplateMap }>();
const loading = new Map<Loader, Promise<void>>();
const templatesOf = (part: Translations, locale: Locale) => {
  const chunk = chunkOf(part, locale);
  return chunk && loaded.get(chunk)?.templates;
};

let activeTemplates: TemplateMap | undefined;
try {
  _installMsgImplementation(((template, options) => runtimeMsg(activeTemplates, template, options)) as MsgFn);
} catch {
  // Another copy of lit-localize on this page was configured first (e.g. the host app uses
  // it). Our widgets then render in the source language rather than break the host.
  console.warn('[lotse] @lit/localize is already configured on this page; Lotse shows German.');
}

/**
 * From now on a widget of `part` loads the strings of `lazy` (a lazily loaded module's own
 * part, see scripts/locale-parts.mjs) with its own, in every language, and renders with them;
 * `loadLocale` loads them for a language whose other strings are there already.
 */
export function addLazyPart(part: Translations, lazy: Translations) {
  const list = lazyParts.get(part) ?? [];
  if (!list.includes(lazy)) lazyParts.set(part, [...list, lazy]);
}

/** Are the translations of a widget's part into `locale` (with its lazy parts) in memory, so that a render can use them right now? */
export const isLocaleReady = (locale: Locale, part: Translations) =>
  locale === sourceLocale || loaded.get(chunkOf(part, locale)!)?.parts === partsOf(part).length;

/**
 * Load a widget's translations into `locale` once: small lazy chunks, src/core/'s (shared by
 * all widgets), its part's and those of the lazy parts added to it.
 */
export function loadLocale(locale: Locale, part: Translations): Promise<void> {
  const chunk = chunkOf(part, locale);
  if (!chunk || isLocaleReady(locale, part)) return Promise.resolve();
  // A load on its way may be one without a lazy part added since: then one more.
  let pending = loading.get(chunk)?.then(() => loadLocale(locale, part));
  if (!pending) {
    const parts = partsOf(part);
    pending = Promise.all(parts.map((p) => chunkOf(p, locale)!()))
      .then(
        (modules) =>
          void loaded.set(chunk, { parts: parts.length, templates: Object.assign({}, ...modules.reverse().map((m) => m.templates)) }),
      )
      .finally(() => loading.delete(chunk));
    loading.set(chunk, pending);
  }
  return pending;
}

/** Run `render` with a widget's translations into `locale` active (German where they are not loaded). */
export function withLocale<T>(locale: Locale, part: Translations, render: () => T): T {
  const previous = activeTemplates;
  activeTemplates = templatesOf(part, locale);
  try {
    return render();
  } finally {
    activeTemplates = previous;
  }
}

/** Map any language tag ("ro-RO", "AR", "uk") onto a supported UI locale, or undefined. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : undefined;
}

// ---- The visitor's choice, shared by every Lotse widget on the page ---------------------

const STORAGE_KEY = 'lotse-language';
/** Fired on `window` when the visitor picks a language; every Lotse bundle listens. */
export const LANGUAGE_CHANGE_EVENT = 'lotse-language-change';

/** The language the visitor picked in any Lotse widget (remembered in localStorage). */
export function visitorChoice(): Locale | undefined {
  try {
    return toLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined; // storage blocked (privacy settings, sandboxed iframe)
  }
}

export function setVisitorChoice(locale: Locale | undefined) {
  try {
    if (locale) localStorage.setItem(STORAGE_KEY, locale);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Not remembered across visits, but still shared on this page through the event.
  }
  window.dispatchEvent(new CustomEvent(LANGUAGE_CHANGE_EVENT, { detail: { locale } }));
}

/**
 * Resolve the UI language: the widget's own `lang` → the visitor's choice → `<html lang>` →
 * the browser's languages → German.
 */
export function resolveLocale(ownLang?: string | null): Locale {
  return (
    toLocale(ownLang) ??
    visitorChoice() ??
    toLocale(document.documentElement.lang) ??
    navigator.languages?.map(toLocale).find(Boolean) ??
    sourceLocale
  );
}
