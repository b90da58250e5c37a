// The content scripts, built apart from crxjs: each is ONE classic script (an IIFE), because
// Chromium refuses a content script's import() on pages whose JavaScript is blocked, and a module
// loader costs every page a fetch per chunk. The gate is declared in the manifest; the overlay, the
// highlight styles and one notes file per pack are injected by the background on the article's page
// only, so nothing of them is web-accessible.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin } from 'vite';
import { HIGHLIGHTS_FILE, OVERLAY_FILE, PACK_GLOBAL, packFile } from '../src/shared/injected-files.ts';
import { usesOnePass } from '../src/core/detect.ts';
import { buildPacks } from './annotation-plugin.ts';

const SRC = new URL('../src/content/', import.meta.url).pathname;
const GATE_FILE = 'content/gate.js';

type Browser = 'chrome' | 'firefox';

function virtualModules(): EsbuildPlugin {
  return {
    name: 'backstory-virtual',
    setup(bundle) {
      bundle.onResolve({ filter: /^virtual:backstory-gate$/ }, (args) => ({ path: args.path, namespace: 'backstory' }));
      bundle.onLoad({ filter: /.*/, namespace: 'backstory' }, () => ({
        contents: `export const packs = ${JSON.stringify(buildPacks().map((pack) => pack.gate))};`,
        loader: 'js',
      }));
      // `import css from './x.css?inline'`: the file's text, as in Vite.
      bundle.onResolve({ filter: /\?inline$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'inline-text' }));
      bundle.onLoad({ filter: /.*/, namespace: 'inline-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
    },
  };
}

async function bundle(entry: string, outFile: string, browser: Browser): Promise<void> {
  await build({
    entryPoints: [join(SRC, entry)],
    outfile: outFile,
    bundle: true,
    format: 'iife',
    minify: true,
    target: ['chrome120', 'firefox140'],
    define: { __BROWSER__: JSON.stringify(browser), __ONE_PASS__: String(usesOnePass(buildPacks().map((pack) => pack.gate))) },
    plugins: [virtualModules()],
    logLevel: 'warning',
    legalComments: 'none',
  });
}

export async function buildContentScripts(outDir: string, browser: Browser): Promise<void> {
  await bundle('gate.ts', join(outDir, GATE_FILE), browser);
  await bundle('overlay-entry.ts', join(outDir, OVERLAY_FILE), browser);
  writeFileSync(join(outDir, HIGHLIGHTS_FILE), readFileSync(join(SRC, 'highlights.css')));
  mkdirSync(join(outDir, 'content/packs'), { recursive: true });
  for (const pack of buildPacks()) {
    writeFileSync(join(outDir, packFile(pack.slug)), `globalThis.${PACK_GLOBAL}=${JSON.stringify(pack.data)};`);
  }
  const manifestPath = join(outDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  // document_start: the gate's input relay must be listening before any page script (input-relay.ts).
  manifest.content_scripts = [{ matches: ['http://*/*', 'https://*/*'], js: [GATE_FILE], run_at: 'document_start' }];
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Runs after crxjs has written the extension: adds the content scripts and declares the gate. */
export function contentScripts(browser: Browser, outDir: string): Plugin {
  return {
    name: 'backstory-content-scripts',
    apply: 'build',
    async closeBundle() {
      await buildContentScripts(outDir, browser);
    },
  };
}
