// The content scripts, built apart from crxjs: each is ONE classic script (an IIFE), because
// Chromium refuses a content script's import() on pages whose JavaScript is blocked, and a module
// loader costs every page a fetch per chunk. The gate is declared in the manifest (the fingerprints
// stay in the background, which judges the text around a pack's markers); the overlay, the
// highlight styles and the pack's notes go in on the article's page only, so nothing is web-accessible.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin } from 'vite';
import { HIGHLIGHT_FILLS_FILE, IMPORTED_GATE_FILE, HIGHLIGHTS_FILE, OVERLAY_FILE, PACK_GLOBAL, packFile } from '../src/shared/injected-files.ts';
import { buildPacks, PACKS_ROOT, type BuiltPack } from './annotation-plugin.ts';
import type { DetectionData } from '../src/model/pack.ts';
import { gateData, searchMaker } from './gate-data.ts';

const SRC = new URL('../src/content/', import.meta.url).pathname;
const GATE_FILE = 'content/gate.js';

type Browser = 'chrome' | 'firefox';

/** The source of `virtual:backstory-gate`: `search`, made by the function for this many markers. */
function gateModule(packs: readonly DetectionData[]): string {
  const make = searchMaker(packs);
  const from = new URL('../src/core/gate-search.ts', import.meta.url).pathname;
  return `import { ${make} } from ${JSON.stringify(from)};\nexport const search = ${make}(...${JSON.stringify(gateData(packs))});\nexport const searchReady = /* @__PURE__ */ Promise.resolve();`;
}

/** The imported packs' gate: its search is read from storage (content/imported-search.ts). */
const IMPORTED_GATE_MODULE = `export { search, searchReady } from ${JSON.stringify(join(SRC, 'imported-search.ts'))};`;

/** The gate never hashes (the background judges its text): a build that would bring the hashing into it fails. */
const HASHING_LEFT_OUT: EsbuildPlugin = {
  name: 'backstory-hashing-left-out',
  setup(bundle) {
    bundle.onResolve({ filter: /\/shingles\.ts$/ }, (args) => ({ errors: [{ text: `the gate must not hash page text (imported by ${args.importer}): the background does` }] }));
  },
};

/** The overlay never matches notes in page text (the background does, off the page's main thread): a build that would bring the matcher into it fails. */
const MATCHING_LEFT_OUT: EsbuildPlugin = {
  name: 'backstory-matching-left-out',
  setup(bundle) {
    bundle.onResolve({ filter: /\/core\/(match|anchor-text)\.ts$/ }, (args) => ({ errors: [{ text: `the overlay must not match notes in page text (imported by ${args.importer}): the background does` }] }));
  },
};

function virtualModules(packs: readonly BuiltPack[], imported: boolean): EsbuildPlugin {
  return {
    name: 'backstory-virtual',
    setup(bundle) {
      bundle.onResolve({ filter: /^virtual:backstory-gate$/ }, (args) => ({ path: args.path, namespace: 'backstory' }));
      bundle.onLoad({ filter: /.*/, namespace: 'backstory' }, () => ({
        contents: imported ? IMPORTED_GATE_MODULE : gateModule(packs.map((pack) => pack.detection)),
        loader: 'js',
        // esbuild resolves nothing, not even an absolute path, in a virtual module without one.
        resolveDir: SRC,
      }));
      // `import css from './x.css?inline'`: the file's text, as in Vite.
      bundle.onResolve({ filter: /\?inline$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\?inline$/, '')), namespace: 'inline-text' }));
      bundle.onLoad({ filter: /.*/, namespace: 'inline-text' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'text' }));
    },
  };
}

async function bundle(entry: string, outFile: string, browser: Browser, packs: readonly BuiltPack[], imported = false, extraPlugins: EsbuildPlugin[] = []): Promise<void> {
  await build({
    entryPoints: [join(SRC, entry)],
    outfile: outFile,
    bundle: true,
    format: 'iife',
    minify: process.env.BACKSTORY_MINIFY !== '0',
    target: ['chrome120', 'firefox140'],
    define: { __BROWSER__: JSON.stringify(browser), __IMPORTED_GATE__: JSON.stringify(imported) },
    plugins: [...extraPlugins, virtualModules(packs, imported)],
    logLevel: 'warning',
    legalComments: 'none',
  });
}

/** The content scripts for the packs under `packsRoot` (also built on their own by the tests: the gate's size). */
export async function buildContentScripts(outDir: string, browser: Browser, packsRoot = PACKS_ROOT): Promise<void> {
  const packs = buildPacks(packsRoot);
  await bundle('gate.ts', join(outDir, GATE_FILE), browser, packs, false, [HASHING_LEFT_OUT]);
  // Not in the manifest: the background registers it while a reader has imported a pack.
  await bundle('gate.ts', join(outDir, IMPORTED_GATE_FILE), browser, [], true, [HASHING_LEFT_OUT]);
  await bundle('overlay-entry.ts', join(outDir, OVERLAY_FILE), browser, packs, false, [MATCHING_LEFT_OUT]);
  writeFileSync(join(outDir, HIGHLIGHTS_FILE), readFileSync(join(SRC, 'highlights.css')));
  writeFileSync(join(outDir, HIGHLIGHT_FILLS_FILE), readFileSync(join(SRC, 'highlight-fills.css')));
  mkdirSync(join(outDir, 'content/packs'), { recursive: true });
  for (const pack of packs) writeFileSync(join(outDir, packFile(pack.slug)), `globalThis.${PACK_GLOBAL}=${JSON.stringify(pack.data)};`);
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
