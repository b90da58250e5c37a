// `npx tsx scripts/bench/imported.ts [PAGES] [REPS]`: what an imported pack costs a reader on pages
// without any article (issue 22). Three browsers side by side, page by page in turn, each with the
// V8 sampling profiler as in `npm run bench`: the limit extension, Backstory with no imported pack
// (its second gate unregistered: nothing of the feature runs), and Backstory with one imported pack
// (both gates run). Prints each one's extension time per page and the ratios; asserts nothing.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_OFFLINE_ARGS } from '../../tests/browser/harness/browsers.ts';
import { startServer } from '../../tests/browser/harness/server.ts';
import { testPackFiles } from '../../tests/support/pack-files.ts';
import { corpusAvailable, corpusPages, servable } from './corpus.ts';
import { attribute, startProfiler, stopProfiler, unpackedExtensionId } from './profile.ts';
import { fixed, median, quantile } from './stats.ts';

const PAGES = Number(process.argv[2]) || 24;
const REPS = Number(process.argv[3]) || 3;
const SETTLE_MS = 1000;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface Contender {
  name: string;
  id: string;
  context: BrowserContext;
  page: Page;
  session: CDPSession;
  profile: string;
}

async function launch(name: string, dir: string): Promise<Contender> {
  const profile = mkdtempSync(join(tmpdir(), `backstory-bench-imported-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`, ...CHROMIUM_OFFLINE_ARGS, '--disable-features=BackForwardCache'],
  });
  // The limit extension has no service worker: its id from its path, as Chromium makes it.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 5_000 }).catch(() => undefined));
  const page = await context.newPage();
  return { name, id: worker ? new URL(worker.url()).host : unpackedExtensionId(dir), context, page, session: await context.newCDPSession(page), profile };
}

async function importPack(contender: Contender, file: string): Promise<void> {
  const options = await contender.context.newPage();
  await options.goto(`chrome-extension://${contender.id}/src/options/options.html`);
  await options.setInputFiles('#pack-file', file);
  await options.waitForFunction(() => document.getElementById('pack-status')?.textContent?.startsWith('Installed'), null, { timeout: 10_000 });
  await options.close();
}

async function profiledLoad(contender: Contender, blank: string, url: string): Promise<number> {
  await contender.page.goto(blank, { waitUntil: 'load' });
  await startProfiler(contender.session);
  await contender.page.goto(url, { waitUntil: 'load', timeout: 30_000 }).catch(() => undefined);
  await contender.page.waitForTimeout(SETTLE_MS);
  return attribute(await stopProfiler(contender.session), contender.id).ms;
}

async function main(): Promise<void> {
  if (!corpusAvailable()) throw new Error('needs ../shared/corpus beside the repository');
  const work = mkdtempSync(join(tmpdir(), 'backstory-bench-imported-'));
  // Two copies of the build: two extension ids, so each browser's samples are told apart.
  const plainDir = join(work, 'plain');
  const importedDir = join(work, 'imported');
  cpSync('dist/chrome', plainDir, { recursive: true });
  cpSync('dist/chrome', importedDir, { recursive: true });
  const files = testPackFiles();
  const packFile = join(work, 'pack.json');
  writeFileSync(packFile, files.signed);
  const server = await startServer();
  const blank = server.page('/blank.html', '<!doctype html><title>blank</title>');
  const contenders = [await launch('limit', join(process.cwd(), 'scripts/bench/limit-extension')), await launch('none imported', plainDir), await launch('one imported', importedDir)];
  await importPack(contenders[2], packFile);
  const all = corpusPages();
  const pages = Array.from({ length: Math.min(PAGES, all.length) }, (_, i) => all[Math.floor((i * all.length) / Math.min(PAGES, all.length))]);
  const ms = contenders.map(() => [] as number[]);
  const perPage: number[][] = contenders.map(() => []);
  for (const [index, page] of pages.entries()) {
    const url = server.page(`/corpus/${index}.html`, servable(page.html));
    const runs = contenders.map(() => [] as number[]);
    for (let rep = 0; rep < REPS; rep++) {
      // A different order each time: no contender always goes first.
      const order = contenders.map((_, i) => (i + rep + index) % contenders.length);
      for (const i of order) runs[i].push(await profiledLoad(contenders[i], blank, url));
    }
    runs.forEach((values, i) => {
      ms[i].push(...values);
      perPage[i].push(median(values));
    });
  }
  const ratio = (a: number, b: number) => perPage[a].map((value, i) => value / Math.max(perPage[b][i], 0.1));
  console.log(`${pages.length} corpus pages without the imported article × ${REPS} loads, extension ms per load (median per page, then over pages)`);
  contenders.forEach((contender, i) => console.log(`  ${contender.name.padEnd(14)} median ${fixed(median(perPage[i]))} ms, p90 ${fixed(quantile(perPage[i], 0.9))} ms`));
  console.log(`  none imported / limit: median ${fixed(median(ratio(1, 0)))}×`);
  console.log(`  one imported / limit:  median ${fixed(median(ratio(2, 0)))}×`);
  console.log(`  one imported / none imported: median ${fixed(median(ratio(2, 1)))}×, p90 ${fixed(quantile(ratio(2, 1), 0.9))}×`);
  for (const contender of contenders) {
    await contender.context.close();
    rmSync(contender.profile, { recursive: true, force: true });
  }
  await server.close();
  rmSync(work, { recursive: true, force: true });
}

await main();
