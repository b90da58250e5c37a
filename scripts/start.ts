// `npm start`: builds the extension, serves the bundled demo page on localhost and opens it in a
// browser with the extension loaded, through web-ext run. Chromium by default; `npm start -- --firefox`.
// `npm start -- --pack <slug>` opens that pack's article instead, on a page made from its article.txt.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack, PackError } from '../build/packs.ts';
import { startServer } from '../tests/browser/harness/server.ts';
import { parseArgs } from './pack/args.ts';
import { demoPath, packDemoHtml } from './pack/demo-page.ts';

const args = parseArgs(process.argv.slice(2), ['pack']);
const firefox = args.flags.has('firefox');
const packSlug = args.options.get('pack');
let pack;
try {
  // Before the build, so that a mistyped name or a broken pack fails at once.
  pack = packSlug ? loadPack(join('packs', packSlug)) : undefined;
} catch (error) {
  if (!(error instanceof PackError)) throw error;
  console.error(`${error.message}\nRun "npm run pack -- check ${packSlug}" for advice on each problem.`);
  process.exit(1);
}
const build = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startServer();
const demo = pack ? server.page(demoPath(pack.slug), packDemoHtml(pack)) : `${server.origin}/demo/`;
console.log(`Demo article${pack ? ` (pack "${pack.slug}")` : ''}: ${demo}`);

const firefoxBinary = ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find(existsSync);
const target = firefox
  ? ['--target', 'firefox-desktop', '--source-dir', 'dist/firefox', ...(firefoxBinary ? ['--firefox', firefoxBinary] : [])]
  : ['--target', 'chromium', '--source-dir', 'dist/chrome', '--chromium-binary', process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'];
// Chromium refuses to run as root without --no-sandbox (containers, CI machines).
const rootArgs = !firefox && process.getuid?.() === 0 ? ['--args=--no-sandbox'] : [];
const webExt = spawn('npx', ['web-ext', 'run', ...target, '--start-url', demo, '--no-reload', ...rootArgs], { stdio: 'inherit' });
webExt.on('exit', async (code) => {
  await server.close();
  process.exit(code ?? 0);
});
