/**
 * Languages of the Lotse UI.
 *
 * Strings are marked with `msg()` from @lit/localize and translated in `locales/*.xlf`.
 * Lit-localize's runtime mode knows one locale per page, but two Lotse widgets on one page
 * may speak different languages (an editor can pin one with `lang`). So we install one msg
 * implementation that reads the templates of whichever widget is rendering right now:
 * `LotseElement.update()` calls `withLocale()` around Lit's synchronous render.
 */
import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { runtimeMsg } from '@lit/localize/internal/runtime-msg.js';
import type { MsgFn, TemplateMap } from '@lit/localize/internal/types.js';
import { sourceLocale } from '../generated/locale-codes.js';
import { LOCALES, type Locale } from './locales.js';

export { LOCALES, LOCALE_NAMES, RTL_LOCALES, type Locale } from './locales.js';

type LocaleModule = Promise<{ templates: TemplateMap }>;
/** One lazy chunk per language; German is the source and needs none. */
const loaders: Record<Exclude<Locale, 'de'>, () => LocaleModule> = {
  en: () => import('../generated/locales/en.js'),
  ro: () => import('../generated/locales/ro.js'),
  bg: () => import('../generated/locales/bg.js'),
  tr: () => import('../generated/locales/tr.js'),
  ar: () => import('../generated/locales/ar.js'),
  uk: () => import('../generated/locales/uk.js'),
  pl: () => import('../generated/locales/pl.js'),
};
const loaded = new Map<Locale, TemplateMap | undefined>([[sourceLocale, undefined]]);
const loading = new Map<Locale, Promise<void>>();

let activeTemplates: TemplateMap | undefined;
try {
  _installMsgImplementation(((template, options) => runtimeMsg(activeTemplates, template, options)) as MsgFn);
} catch {
  // Another copy of lit-localize on this page was configured first (e.g. the host app uses
  // it). Our widgets then render in the source language rather than break the host.
  console.warn('[lotse] @lit/localize is already configured on this page; Lotse shows German.');
}

/** Is this locale's translation in memory, so that a render can use it right now? */
export const isLocaleReady = (locale: Locale) => loaded.has(locale);

/** Load a locale's templates once (a small lazy chunk per language). */
export function loadLocale(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale as Exclude<Locale, 'de'>]()
      .then((module) => void loaded.set(locale, module.templates))
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** Run `render` with `locale`'s translations active (falls back to German if not loaded). */
export function withLocale<T>(locale: Locale, render: () => T): T {
  const previous = activeTemplates;
  activeTemplates = loaded.get(locale);
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
