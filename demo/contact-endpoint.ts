/**
 * The demo server's contact endpoint as a Vite plugin: `npm start` then answers
 * `POST /api/contact` like a city's endpoint should (see demo/contact-handler.mjs and the
 * README section "Contact endpoint").
 *
 * - Messages are appended as JSON lines to demo/data/contact-messages.jsonl (git-ignored).
 * - The same `Idempotency-Key` always gets the same answer; keys survive a restart because
 *   the file is read back.
 * - `LOTSE_DEMO_FAIL_EVERY=3 npm start` makes every third request answer 503, to watch the
 *   form keep the message and retry.
 */
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
// Plain JS, shared with the test server (web-test-runner.config.mjs cannot load TypeScript on Node 20).
import { contactMiddleware, fileStore } from './contact-handler.mjs';

export { handleContact, memoryStore, fileStore, contactMiddleware, contactKoaMiddleware } from './contact-handler.mjs';

export function contactEndpoint(options: { file?: string; failEvery?: number } = {}): Plugin {
  const file = options.file ?? resolve(import.meta.dirname, 'data', 'contact-messages.jsonl');
  const failEvery = options.failEvery ?? Number(process.env.LOTSE_DEMO_FAIL_EVERY ?? 0);
  return {
    name: 'lotse-contact-endpoint',
    configureServer(server) {
      if (failEvery > 0)
        server.config.logger.info(`[lotse] /api/contact fails every ${failEvery}. request with 503 (LOTSE_DEMO_FAIL_EVERY).`);
      server.middlewares.use(contactMiddleware({ store: fileStore(file), failEvery }));
    },
    configurePreviewServer(server) {
      server.middlewares.use(contactMiddleware({ store: fileStore(file), failEvery }));
    },
  };
}
