// One source, two builds: `BROWSER=chrome|firefox vite build` writes dist/<browser>. The Firefox
// differences to the manifest are all here; the content scripts are built by build/content-scripts.ts.
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { annotationData } from './build/annotation-plugin.ts';
import { contentScripts } from './build/content-scripts.ts';

type Browser = 'chrome' | 'firefox';
const browser: Browser = process.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
const outDir = `dist/${browser}`;

const firefoxSettings = {
  // Firefox runs MV3 background pages, not service workers.
  background: { scripts: [baseManifest.background.service_worker], type: 'module' },
  browser_specific_settings: {
    gecko: {
      id: 'backstory@backstory.invalid',
      // 140: the Highlight API and data_collection_permissions on desktop (Debian's firefox-esr is 140).
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android learned data_collection_permissions in 142.
    gecko_android: { strict_min_version: '142.0' },
  },
};

const manifest = (browser === 'firefox' ? { ...baseManifest, ...firefoxSettings } : baseManifest) as ManifestV3Export;

export default defineConfig({
  plugins: [annotationData(), crx({ manifest, browser }), contentScripts(browser, outDir)],
  define: { __BROWSER__: JSON.stringify(browser) },
  // _locales/ is copied as it is into each build.
  publicDir: 'src/public',
  build: {
    outDir,
    emptyOutDir: true,
    minify: true,
    target: ['chrome120', 'firefox140'],
    modulePreload: false,
    // Extension pages the manifest does not name: the first-run page (opened by background.ts on install).
    rollupOptions: { input: { welcome: 'src/welcome/welcome.html' } },
  },
});
