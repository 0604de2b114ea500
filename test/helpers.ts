import { isLocaleReady, loadLocale, type Locale, type Translations } from '../src/core/i18n.js';
import serviceFinder from '../src/generated/locales/service-finder.js';
import hoursMap from '../src/generated/locales/hours-map.js';
import quickCheck from '../src/generated/locales/quick-check.js';
import contactForm from '../src/generated/locales/contact-form.js';

const smallFeed: unknown = await (await fetch(new URL('./fixtures/small-feed.json', import.meta.url))).json();

/** A fresh deep copy of the small valid feed, to break in one place per test. */
export function feedCopy(): Record<string, any> {
  return structuredClone(smallFeed) as Record<string, any>;
}

/** Wait until `check` is true (polling), or fail after `ms`. */
export async function until(check: () => unknown, ms = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Wait until the async `read` gives a value (polling), then return it; fail after `ms`. */
export async function untilValue<T>(read: () => Promise<T | undefined>, ms = 5000, what = 'value'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Type `text` into a finder's search field (one input event) and wait for its answer. */
export async function searchFor(el: HTMLElement & { updateComplete: Promise<unknown> }, text: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('#lotse-search')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Text of the shadow root, whitespace folded. */
export const shadowText = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

import { render, type TemplateResult } from 'lit';
const mounted: HTMLElement[] = [];
/**
 * Render a template with several widgets into a fresh container and wait for their first
 * update. (open-wc's fixture waits for an animation frame for plain containers, which
 * background test pages do not always get.)
 */
export async function mount(template: TemplateResult): Promise<HTMLElement> {
  // The template's single root element is returned.
  const box = document.createElement('div');
  document.body.append(box);
  mounted.push(box);
  render(template, box);
  await Promise.all([...box.querySelectorAll('*')].map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete));
  return box.firstElementChild as HTMLElement;
}
afterEach(() => mounted.splice(0).forEach((box) => box.remove()));

/** The optional WebKit job (WebKitGTK's MiniBrowser): its WebDriver types text unreliably. */
export const isWebKitDriver = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Firefox/.test(navigator.userAgent);

/** Load a language's translations for every widget, so that their first render is in it. */
export const loadLanguage = (locale: Locale) =>
  Promise.all([serviceFinder, hoursMap, quickCheck, contactForm].map((part) => loadLocale(locale, part)));

/** Are a widget's translations into `locale` loaded (its part, protected on LotseElement)? */
export const hasLanguage = (el: Element, locale: Locale) =>
  isLocaleReady(locale, (el as unknown as { translations: Translations }).translations);
