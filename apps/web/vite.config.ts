/**
 * The web interface's build. `vite build --config apps/web/vite.config.ts` writes static files to
 * `dist/web` (served by the API at `/`); `npm run web:dev` serves the sources with hot reload and
 * forwards API calls to a platform running on `API_URL` (default http://127.0.0.1:3000).
 *
 * No React plugin: Vite's own transform compiles TSX with the automatic JSX runtime.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(new URL(import.meta.url).pathname);
const outDir = path.resolve(here, '../../dist/web');

/** Writes `.gz` and `.br` next to each text asset; the API's static handler serves them (preCompressed). */
function precompress(): Plugin {
  let dir = outDir;
  return {
    name: 'commons-precompress',
    apply: 'build',
    configResolved(c) {
      dir = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const walk = (d: string): string[] => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue;
        const raw = fs.readFileSync(file);
        if (raw.length < 512) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(raw, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      }
    },
  };
}

const api = process.env.API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  plugins: [precompress()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    cssCodeSplit: true,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    // Everything that is not the interface itself goes to the API.
    proxy: { '^/(?!app(/|$)|reset-password|@|src/|node_modules/|$|index\\.html).*': { target: api, changeOrigin: false } },
  },
});
