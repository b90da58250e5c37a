// `npm run package`: from dist/chrome and dist/firefox, the two files to hand out, in dist/packages/:
// a Chrome Web Store zip and a Firefox add-on zip (web-ext build), each for package.json's version,
// each checked: the Chrome manifest against the store's rules, the Firefox build by web-ext lint,
// and both zips against the folder they were made from.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { chromeManifestProblems } from './manifest-check.ts';
import { zipProblems } from './zip-check.ts';

const WEB_EXT = new URL('../../node_modules/web-ext/bin/web-ext.js', import.meta.url).pathname;

export interface Package {
  browser: 'chrome' | 'firefox';
  file: string;
  bytes: number;
}

export class PackagingError extends Error {
  constructor(readonly problems: string[]) {
    super(`Packaging stopped:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PackagingError';
  }
}

function webExt(args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(process.execPath, [WEB_EXT, ...args, '--no-config-discovery'], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** web-ext build: a zip of `dir`, named `file`, in `outDir`. */
function zip(dir: string, outDir: string, file: string): string {
  const built = webExt(['build', '--source-dir', dir, '--artifacts-dir', outDir, '--filename', file, '--overwrite-dest']);
  if (!built.ok) throw new PackagingError([`web-ext build of ${dir} failed:\n${built.output}`]);
  const path = join(outDir, file);
  const problems = zipProblems(path, dir);
  if (problems.length > 0) throw new PackagingError(problems);
  return path;
}

export interface PackageOptions {
  /** The repository (default: the current folder). */
  root?: string;
  /** Where the zips go (default: <root>/dist/packages). */
  outDir?: string;
}

export function makePackages(options: PackageOptions = {}): Package[] {
  const root = options.root ?? process.cwd();
  const outDir = options.outDir ?? join(root, 'dist/packages');
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const chrome = join(root, 'dist/chrome');
  const firefox = join(root, 'dist/firefox');
  const problems = chromeManifestProblems(chrome, version);
  if (problems.length > 0) throw new PackagingError(problems);
  const lint = webExt(['lint', '--source-dir', firefox, '--warnings-as-errors', '--output', 'text']);
  if (!lint.ok) throw new PackagingError([`web-ext lint of ${firefox} found problems:\n${lint.output}`]);
  const firefoxVersion = (JSON.parse(readFileSync(join(firefox, 'manifest.json'), 'utf8')) as { version?: string }).version;
  if (firefoxVersion !== version) throw new PackagingError([`${firefox}/manifest.json: version ${firefoxVersion} is not package.json's ${version}`]);
  mkdirSync(outDir, { recursive: true });
  return [
    { browser: 'chrome', file: zip(chrome, outDir, `${name}-chrome-${version}.zip`) },
    { browser: 'firefox', file: zip(firefox, outDir, `${name}-firefox-${version}.zip`) },
  ].map((made) => ({ ...made, browser: made.browser as Package['browser'], bytes: statSync(made.file).size }));
}
