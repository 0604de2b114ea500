// dist/ssr.js: what `lotse`, `lotse/react` and `lotse/vue` resolve to under Node's "node"
// export condition (server-side rendering). A standalone file without Lit, so importing it
// never touches HTMLElement; see src/ssr.ts.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/ssr.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2021',
  platform: 'neutral',
  outfile: 'dist/ssr.js',
  minify: true,
  logLevel: 'warning',
});
