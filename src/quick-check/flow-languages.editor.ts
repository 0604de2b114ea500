/**
 * `flow-languages.ts` for the editor page (scripts/build-editor.mjs swaps it in): that one
 * script holds the whole default flow already (`lotse validate` checks it), so the quick-check
 * preview uses it as it is instead of a second copy split by language.
 */
import type { Locale } from '../core/locales.js';
import { DEFAULT_FLOW } from './default-flow.js';
import type { Flow } from './flow.js';

export const loadDefaultFlow = (): Promise<Flow> => Promise.resolve(DEFAULT_FLOW);
export const loadFlowLanguage = (_locale: Locale): Promise<void> => Promise.resolve();
export const hasFlowLanguage = (_locale: Locale) => true;
