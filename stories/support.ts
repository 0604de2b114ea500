/**
 * Shared pieces of the Lotse stories. Nothing here imports Storybook at runtime (types only),
 * so the stories can also be rendered by web-test-runner (test/stories.test.ts).
 */
import type { Decorator } from '@storybook/web-components-vite';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { LOCALES } from '../src/core/locales.js';

/** The UI languages, in the order of the widgets' own picker (the one list, src/core/locales.ts). */
export const LANGUAGES = LOCALES;

/** The sample feed (demo/public/services.json), served at the root by Storybook's staticDirs. */
export const SAMPLE_FEED = 'services.json';
/** A feed address that does not exist, to show the error state. */
export const BROKEN_FEED = 'missing/services.json';

/** Arguments every widget story takes: the attributes shared by all Lotse widgets. */
export interface WidgetArgs {
  /** Feed URL (attribute `feed`) or a feed object (property `feed`). */
  feed?: string | object;
  /** Pins the language; empty follows the toolbar "Sprache / Language". */
  lang?: string;
}

/** Controls for the shared attributes; a widget file may add its own. */
export const sharedArgTypes = {
  feed: {
    control: 'text',
    description: 'Feed URL (attribute `feed`). As a property it also takes a feed object.',
  },
  lang: {
    control: 'select',
    options: ['', ...LANGUAGES],
    description: 'Fixes the language. Empty: the toolbar "Sprache / Language" decides.',
  },
} as const;

/**
 * The toolbar "Sprache / Language" (global `locale`) sets the widget's `lang` attribute,
 * unless the story's own `lang` arg pins one (the Arabic RTL story).
 */
export const withLanguage: Decorator = (story, context) => {
  const locale = typeof context.globals.locale === 'string' ? context.globals.locale : '';
  return story({ args: { ...context.args, lang: context.args.lang || locale || undefined } });
};

/**
 * The render function of a widget story: a URL as the `feed` attribute (so "Show code" gives
 * editors the snippet they paste), a feed object as the `feed` property.
 */
export function renderWidget(tag: string) {
  const name = unsafeStatic(tag);
  return ({ feed, lang }: WidgetArgs) =>
    typeof feed === 'object'
      ? staticHtml`<${name} lang=${ifDefined(lang || undefined)} .feed=${feed}></${name}>`
      : staticHtml`<${name} lang=${ifDefined(lang || undefined)} feed=${ifDefined(feed || undefined)}></${name}>`;
}

/**
 * For `play` functions (the audit states): the widget in the story's canvas, once `ready`
 * finds its element in the shadow root. Plain DOM, so the same code runs in Storybook and in
 * test/stories.test.ts.
 */
export async function widgetIn(
  canvasElement: HTMLElement,
  tag: string,
  ready: string,
  ms = 8000,
): Promise<HTMLElement & { updateComplete: Promise<unknown> }> {
  const start = Date.now();
  for (;;) {
    const el = (canvasElement.matches(tag) ? canvasElement : canvasElement.querySelector(tag)) as
      | (HTMLElement & { updateComplete: Promise<unknown> })
      | null;
    if (el?.shadowRoot?.querySelector(ready)) return el;
    if (Date.now() - start > ms) throw new Error(`${tag}: "${ready}" did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Wait (polling) until `check` finds something in the widget's shadow root. */
export async function waitFor(el: HTMLElement, selector: string, ms = 8000): Promise<HTMLElement> {
  const start = Date.now();
  for (;;) {
    const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    if (Date.now() - start > ms) throw new Error(`"${selector}" did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The context Storybook hands to a `play` function (the part the Lotse stories use). */
export interface PlayContext {
  canvasElement: HTMLElement;
}
