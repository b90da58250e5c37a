// `npm start`: builds the extension, serves the bundled demo page on localhost and opens it in a
// browser with the extension loaded, through web-ext run. Chromium by default; `npm start -- --firefox`.
// `npm start -- --pack <slug>` opens that pack's article instead, on a page made from its article.txt.
// Without a display it says so and saves a screenshot of the page in a headless browser instead.
// Everything temporary (browser profiles included) goes into one folder, removed on every exit.
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { loadPack, PackError, type Pack } from '../build/packs.ts';
import { startServer } from '../tests/browser/harness/server.ts';
import { unknownPackMessage, unknownPacks } from './pack/pack-names.ts';
import { demoPath, packDemoHtml } from './pack/demo-page.ts';
import { findBrowser } from './start/browser-binary.ts';
import { hasDisplay, noDisplayMessage } from './start/display.ts';
import { headlessScreenshot } from './start/headless-screenshot.ts';
import { parseStartOptions, START_USAGE, UsageError } from './start/options.ts';
import { openWindow } from './start/open-window.ts';
import { makeTempRoot, removeOnSignals } from './start/temp-root.ts';

const argv = process.argv.slice(2);
function fail(message: string, status = 1): never {
  console.error(message);
  process.exit(status);
}

let options;
try {
  options = parseStartOptions(argv);
} catch (error) {
  if (error instanceof UsageError) fail(error.message, 2);
  throw error;
}
if (options.help) {
  console.log(START_USAGE);
  process.exit(0);
}

// Before the build, so that a mistyped name, a broken pack or a missing browser fails at once.
let pack: Pack | undefined;
if (options.pack) {
  if (unknownPacks('packs', [options.pack]).length > 0) fail(`npm start: ${unknownPackMessage('packs', options.pack)}`);
  try {
    pack = loadPack(join('packs', options.pack));
  } catch (error) {
    if (!(error instanceof PackError)) throw error;
    fail(`${error.message}\nRun "npm run pack -- check ${options.pack}" for advice on each problem.`);
  }
}
const binary = findBrowser(options.browser, process.env);
if ('problem' in binary) fail(`npm start: ${binary.problem}`);
process.env[options.browser === 'firefox' ? 'FIREFOX_PATH' : 'CHROMIUM_PATH'] = binary.path;

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const cwd = process.cwd();
const temp = makeTempRoot();
const server = await startServer();
const demo = pack ? server.page(demoPath(pack.slug), packDemoHtml(pack)) : `${server.origin}/demo/`;
console.log(`Demo article${pack ? ` (pack "${pack.slug}")` : ''}: ${demo}`);

if (!hasDisplay(process.env)) {
  console.log(noDisplayMessage(argv));
  removeOnSignals(temp, () => server.close());
  const file = join(cwd, '.tmp', `start-${pack?.slug ?? 'demo'}-${options.browser}.png`);
  try {
    const shot = await headlessScreenshot(options.browser, demo, file);
    console.log(
      shot.highlights > 0
        ? `Saved a screenshot of the page with Backstory loaded (${shot.highlights} highlights): ${relative(cwd, shot.path)}`
        : `Saved a screenshot of the page, but Backstory painted no highlights on it within 10 s: ${relative(cwd, shot.path)}`,
    );
    process.exitCode = shot.highlights > 0 ? 0 : 1;
  } catch (error) {
    console.error(`npm start: the headless ${options.browser} failed: ${(error as Error).message.split('\n')[0]}`);
    process.exitCode = 1;
  } finally {
    await server.close();
    await temp.removeWhenQuiet();
  }
} else {
  process.exit(await openWindow({ browser: options.browser, binary: binary.path, url: demo, argv, temp, server }));
}
