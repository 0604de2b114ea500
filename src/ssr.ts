/**
 * What `lotse`, `lotse/react` and `lotse/vue` resolve to in Node (server-side rendering in
 * Next.js, Nuxt, Astro …): no custom elements are defined there (Node has no HTMLElement),
 * so the server renders the plain `<lotse-…>` tags and the browser upgrades them with the
 * real bundle. Types are the same as in the browser.
 */
export { onLotse } from './core/events.js';
