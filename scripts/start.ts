// `npm start`: builds the extension, serves the bundled demo page on localhost and opens it in a
// browser with the extension loaded, through web-ext run. Chromium by default; `npm start -- --firefox`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer } from '../tests/browser/harness/server.ts';

const firefox = process.argv.includes('--firefox');
const build = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const server = await startServer();
const demo = `${server.origin}/demo/`;
console.log(`Demo article: ${demo}`);

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
