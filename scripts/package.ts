// `npm run package`: builds, then writes dist/packages/backstory-chrome-<version>.zip (for the Chrome
// Web Store) and backstory-firefox-<version>.zip (for addons.mozilla.org, or to load in Firefox),
// each checked. `--no-build` packages dist/ as it is. See the README, "Install it".
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { makePackages, PackagingError } from './package/make-packages.ts';

const USAGE = 'Usage: npm run package [-- --no-build]';
const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--no-build');
if (unknown.length > 0) {
  console.error(`package: unknown argument ${unknown.join(' ')}\n${USAGE}`);
  process.exit(2);
}
if (!args.includes('--no-build')) {
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
try {
  for (const made of makePackages()) console.log(`${made.browser === 'chrome' ? 'Chrome Web Store' : 'Firefox add-on  '}: ${relative(process.cwd(), made.file)} (${(made.bytes / 1024).toFixed(1)} KB)`);
  console.log('Checked: the Chrome manifest against the store’s rules, the Firefox build with web-ext lint, each zip against its dist/ folder.');
} catch (error) {
  if (!(error instanceof PackagingError)) throw error;
  console.error(error.message);
  process.exit(1);
}
