// `npm run package` on the built dist/: the two zips, what is in them, and what the checks refuse.
// Builds first when dist/ is not there (a fresh clone), so this never skips.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePackages, type Package } from '../../../scripts/package/make-packages.ts';
import { chromeManifestProblems } from '../../../scripts/package/manifest-check.ts';
import { visibleFiles, zipProblems } from '../../../scripts/package/zip-check.ts';
import { readZipEntry, zipFileNames } from '../../../scripts/package/zip-entries.ts';

const { name, version } = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };
const out = mkdtempSync(join(tmpdir(), 'backstory-packages-'));
let packages: Package[] = [];

beforeAll(() => {
  if (!existsSync('dist/chrome/manifest.json') || !existsSync('dist/firefox/manifest.json')) {
    const build = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`the build failed:\n${build.stdout}${build.stderr}`);
  }
  packages = makePackages({ outDir: out });
}, 300_000);

const fileOf = (browser: Package['browser']) => packages.find((made) => made.browser === browser)?.file ?? '';
const manifestIn = (zip: string) => JSON.parse(readZipEntry(zip, 'manifest.json').toString('utf8'));

describe('npm run package', () => {
  it('writes one zip a browser, named for the version', () => {
    expect(packages.map((made) => made.file)).toEqual([join(out, `${name}-chrome-${version}.zip`), join(out, `${name}-firefox-${version}.zip`)]);
    for (const made of packages) expect(made.bytes).toBeGreaterThan(10_000);
  });

  it.each([
    ['chrome', 'dist/chrome'],
    ['firefox', 'dist/firefox'],
  ] as const)('the %s zip holds exactly the files of %s, manifest at the top, nothing from outside', (browser, dir) => {
    const names = zipFileNames(fileOf(browser));
    expect(names.sort()).toEqual(visibleFiles(dir));
    expect(names).toContain('manifest.json');
    expect(names.filter((entry) => entry.startsWith('/') || entry.includes('..') || /\.(ts|tsx|map)$/.test(entry) || entry.startsWith('node_modules/'))).toEqual([]);
    expect(zipProblems(fileOf(browser), dir)).toEqual([]);
  });

  it('each zip’s manifest is its browser’s, at package.json’s version', () => {
    const chrome = manifestIn(fileOf('chrome'));
    const firefox = manifestIn(fileOf('firefox'));
    expect([chrome.manifest_version, chrome.version, firefox.version]).toEqual([3, version, version]);
    expect(chrome.background.service_worker).toBeTruthy();
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko.id).toBeTruthy();
    expect(firefox.background.scripts).toBeTruthy();
  });
});

describe('the checks refuse', () => {
  function brokenCopy(change: (dir: string, manifest: Record<string, unknown>) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-dist-'));
    cpSync('dist/chrome', dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    change(dir, manifest);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    return dir;
  }

  it('nothing in the Chrome build as it is', () => {
    expect(chromeManifestProblems('dist/chrome', version)).toEqual([]);
  });

  it('a missing icon, another version, a Firefox field and a description longer than the store takes', () => {
    const dir = brokenCopy((folder, manifest) => {
      rmSync(join(folder, 'icons/icon-48.png'));
      manifest.version = '9.9.9';
      manifest.description = 'x'.repeat(140);
      manifest.browser_specific_settings = { gecko: { id: 'x@y' } };
    });
    expect(chromeManifestProblems(dir, version)).toEqual([
      `manifest.json: description has 140 characters; the Chrome Web Store takes 132 at most: "${'x'.repeat(140)}"`,
      `manifest.json: version 9.9.9 is not package.json's ${version}`,
      'manifest.json: browser_specific_settings belongs to the Firefox build',
      `manifest.json refers to icons/icon-48.png, which is not in ${dir}`,
    ]);
  });

  it('a message name that _locales does not have, and a script an extension page loads that is not built', () => {
    const dir = brokenCopy((folder, manifest) => {
      manifest.name = '__MSG_noSuchName__';
      const popup = join(folder, 'src/popup/popup.html');
      writeFileSync(popup, readFileSync(popup, 'utf8').replace('</head>', '<script src="/assets/gone.js"></script></head>'));
    });
    expect(chromeManifestProblems(dir, version)).toEqual([
      'manifest.json: name is __MSG_noSuchName__, but _locales has no message "noSuchName"',
      `manifest.json refers to assets/gone.js, which is not in ${dir}`,
    ]);
  });

  it('a zip that lacks a file of the folder or holds one the folder does not', () => {
    const dir = brokenCopy((folder) => writeFileSync(join(folder, 'extra.txt'), 'not packaged'));
    rmSync(join(dir, 'icons/icon-16.png'));
    expect(zipProblems(fileOf('chrome'), dir)).toEqual([`${fileOf('chrome')}: icons/icon-16.png is not a file of ${dir}`, `${fileOf('chrome')}: extra.txt of ${dir} is missing`]);
  });
});
