// `npm run bench [-- --json FILE] [-- --quick]`: Backstory measured side by side with the least any
// detector must do (floor) and with mark.js, in one Chromium run, on the shared corpus of real pages.
// Prints ratios; asserts nothing (these machines are shared and noisy).
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { paragraphsHtml, withLinkedNames } from '../tests/support/article.ts';
import { corpusPages, offline, placeInto } from '../tests/support/corpus.ts';
import { startServer, type TestServer } from '../tests/browser/harness/server.ts';
import { bundleInPageBench } from './bench/bundle.ts';
import { fixed, median, summarise, type Summary } from './bench/stats.ts';

const args = process.argv.slice(2);
const jsonFile = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const quick = args.includes('--quick');
const REPS = quick ? 3 : 7;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DIST = join(process.cwd(), 'dist/chrome');
/** tsx compiles this file keeping function names, through a `__name` helper that page.evaluate
 * callbacks then call in the page: give the page that helper. */
const KEEP_NAMES_SHIM = 'globalThis.__name = (target) => target;';
const BASE_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

interface Timed {
  ms: number;
  result: unknown;
}
type Bench = { [K in 'floor' | 'gate' | 'full']: () => Promise<Timed> } & { gateWrites(): Promise<number>; markjs(selector: string): Promise<Timed>; textNodes(): number };

const benchOf = (page: Page) => page.evaluateHandle(() => (window as unknown as { backstoryBench: Bench }).backstoryBench);

async function loadBenchPage(page: Page, server: TestServer, path: string, html: string, script: string): Promise<void> {
  await page.goto(server.page(path, html), { waitUntil: 'load', timeout: 60_000 });
  await page.addScriptTag({ content: script });
}

/** Runs each contender REPS times, alternating, and returns the median of each. */
async function alternate(page: Page, contenders: Record<string, string>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  const bench = await benchOf(page);
  for (let rep = 0; rep < REPS; rep++) {
    for (const [name, call] of Object.entries(contenders)) {
      const { ms } = await bench.evaluate((api, expression) => {
        const [method, argument] = expression.split(':');
        return (api as unknown as Record<string, (arg?: string) => Timed | Promise<Timed>>)[method](argument);
      }, call);
      times[name].push(ms);
    }
  }
  await bench.dispose();
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

function syntheticComments(count: number): string {
  const comments: string[] = [];
  for (let i = 0; i < count; i++) {
    comments.push(`<li class="comment"><b>reader${i}</b> <time>${i % 60} min ago</time><p>I read this twice. Diplomacy matters, but so do the details of who pays for what, comment number ${i}. <a href="#c${i}">Reply</a></p></li>`);
  }
  return `<section class="comments"><ol>${comments.join('')}</ol></section>`;
}

async function runCorpus(context: BrowserContext, server: TestServer, script: string) {
  const page = await context.newPage();
  const rows: Array<{ name: string; bytes: number; floor: number; gate: number; detected: boolean; writes: number }> = [];
  const pages = corpusPages();
  for (const [i, corpus] of (quick ? pages.slice(0, 40) : pages).entries()) {
    await loadBenchPage(page, server, `/corpus/${i}.html`, offline(corpus.html, { csp: false }), script);
    const medians = await alternate(page, { floor: 'floor', gate: 'gate' });
    const bench = await benchOf(page);
    const detected = (await bench.evaluate(async (api) => (await api.gate()).result)) as boolean;
    const writes = await bench.evaluate((api) => api.gateWrites());
    await bench.dispose();
    rows.push({ name: corpus.name, bytes: corpus.html.length, floor: medians.floor, gate: medians.gate, detected, writes });
  }
  await page.close();
  return rows;
}

async function runArticlePages(context: BrowserContext, server: TestServer, script: string) {
  const page = await context.newPage();
  const templates = corpusPages()
    .filter((corpus) => corpus.name.startsWith('news/'))
    .filter((_, i) => i % 18 === 0)
    .slice(0, 10);
  const rows: Array<{ name: string; full: number; markjs: number; floor: number; anchored: number; marked: number }> = [];
  for (const [i, template] of templates.entries()) {
    const html = offline(placeInto(template.html, withLinkedNames(paragraphsHtml())), { csp: false });
    await loadBenchPage(page, server, `/article/${i}.html`, html, script);
    const medians = await alternate(page, { full: 'full', markjs: 'markjs:article.backstory-test-article', floor: 'floor' });
    const bench = await benchOf(page);
    const anchored = (await bench.evaluate(async (api) => (await api.full()).result)) as number;
    const marked = (await bench.evaluate((api) => api.markjs('article.backstory-test-article'))).result as number;
    await bench.dispose();
    rows.push({ name: template.name, full: medians.full, markjs: medians.markjs, floor: medians.floor, anchored, marked });
  }
  await page.close();
  return rows;
}

async function runGrowth(context: BrowserContext, server: TestServer, script: string) {
  const page = await context.newPage();
  const rows: Array<{ scale: number; bytes: number; textNodes: number; full: number; gate: number; floor: number }> = [];
  for (const scale of [1, 4, 16]) {
    const comments = syntheticComments(1600 * scale);
    const withArticle = `<!doctype html><html><head><title>Long</title></head><body><article>${paragraphsHtml()}</article>${comments}</body></html>`;
    const without = `<!doctype html><html><head><title>Long</title></head><body>${comments}</body></html>`;
    await loadBenchPage(page, server, `/growth/with-${scale}.html`, withArticle, script);
    const withMedians = await alternate(page, { full: 'full', floor: 'floor' });
    const bench = await benchOf(page);
    const textNodes = await bench.evaluate((api) => api.textNodes());
    await bench.dispose();
    await loadBenchPage(page, server, `/growth/without-${scale}.html`, without, script);
    const withoutMedians = await alternate(page, { gate: 'gate' });
    rows.push({ scale, bytes: withArticle.length, textNodes, full: withMedians.full, gate: withoutMedians.gate, floor: withMedians.floor });
  }
  await page.close();
  return rows;
}

/**
 * The longest main-thread task after the load event on the growth pages, with the extension loaded:
 * what Backstory's detection and anchoring cost a reader at once (the goal is under 50 ms).
 */
async function longestTasks(server: TestServer): Promise<Array<{ scale: number; longestMs: number }>> {
  return withExtension(async (context) => {
    await context.addInitScript(`window.longTasks = []; new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });`);
    const results: Array<{ scale: number; longestMs: number }> = [];
    for (const scale of [1, 4, 16]) {
      const page = await context.newPage();
      await page.goto(server.page(`/tasks/${scale}.html`, `<!doctype html><html><head><title>Long</title></head><body><article>${paragraphsHtml()}</article>${syntheticComments(1600 * scale)}</body></html>`));
      await page.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0, null, { timeout: 60_000 });
      const longestMs = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const loaded = navigation?.loadEventEnd ?? 0;
        const tasks = (window as unknown as { longTasks: Array<[number, number]> }).longTasks;
        return Math.max(0, ...tasks.filter(([start]) => start >= loaded - 1).map(([, duration]) => duration));
      });
      results.push({ scale, longestMs });
      await page.close();
    }
    return results;
  });
}

function gateFiles(): { gateBytes: number; overlayBytes: number; files: string[] } {
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const loader = join(DIST, manifest.content_scripts[0].js[0]);
  const entry = join(DIST, /getURL\("([^"]+)"\)/.exec(readFileSync(loader, 'utf8'))?.[1] ?? '');
  const shared = [...readFileSync(entry, 'utf8').matchAll(/from"\.\/([^"]+)"/g)].map((match) => join(DIST, 'assets', match[1]));
  const files = [loader, entry, ...shared];
  // Everything else the content script may load is the overlay and its chunks (notes included).
  const lazy = (manifest.web_accessible_resources[0].resources as string[]).map((file) => join(DIST, file)).filter((file) => !files.includes(file));
  const size = (list: string[]) => list.reduce((sum, file) => sum + statSync(file).size, 0);
  return { gateBytes: size(files), overlayBytes: size(lazy), files: files.map((file) => file.split('/').pop() ?? file) };
}

async function withExtension<T>(run: (context: BrowserContext, extensionId: string) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, ...BASE_ARGS],
  });
  await context.addInitScript(KEEP_NAMES_SHIM);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return await run(context, new URL(worker.url()).host);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Parse + evaluate time of the content script on an empty page, from a Chromium trace. */
async function scriptCost(server: TestServer, files: string[]): Promise<number> {
  return withExtension(async (context) => {
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const events: Array<{ name: string; dur?: number; ph: string; args?: Record<string, Record<string, unknown> | unknown> }> = [];
    session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as typeof events)));
    const complete = new Promise<void>((resolve) => session.once('Tracing.tracingComplete', () => resolve()));
    await session.send('Tracing.start', { categories: 'devtools.timeline,v8', transferMode: 'ReportEvents' });
    await page.goto(server.page('/empty.html', '<!doctype html><html><head><title>Empty</title></head><body></body></html>'));
    await page.waitForTimeout(1000);
    await session.send('Tracing.end');
    await complete;
    const ours = (event: (typeof events)[number]) => {
      const text = JSON.stringify(event.args ?? {});
      return files.some((file) => text.includes(file));
    };
    const parseAndRun = events.filter((event) => event.ph === 'X' && /^(v8\.compile|v8\.compileModule|v8\.evaluateModule|EvaluateScript|v8\.run)$/.test(event.name) && ours(event));
    // Outer events (EvaluateScript, v8.evaluateModule) contain inner ones: count only the outer.
    const outer = parseAndRun.filter((event) => event.name === 'EvaluateScript' || event.name === 'v8.evaluateModule' || event.name === 'v8.compileModule');
    return (outer.length > 0 ? outer : parseAndRun).reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000;
  });
}

async function hoverAndMemory(server: TestServer): Promise<{ hoverMs: number[]; heapAddedMb: number }> {
  return withExtension(async (context, extensionId) => {
    const page = await context.newPage();
    await page.goto(`${server.origin}/demo/`);
    await page.waitForFunction(() => (CSS.highlights.get('backstory-person')?.size ?? 0) > 0);
    const hoverMs: number[] = [];
    const names = ['Lavrov', 'Ushakov', 'Rubio', 'Zelensky', 'Putin', 'Biden', 'Popov'];
    for (const name of names) {
      const point = await page.evaluate((text) => {
        const range = [...(CSS.highlights.get('backstory-person') as unknown as Set<Range>)].find((candidate) => candidate.toString() === text);
        range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range?.getClientRects()[0];
        return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
      }, name);
      if (!point) continue;
      await page.mouse.move(5, 5);
      await page.waitForTimeout(500);
      await page.evaluate(() => {
        const state = window as unknown as { lastMove: number; opened: Promise<number> };
        addEventListener('pointermove', (event) => (state.lastMove = event.timeStamp), { capture: true });
        state.opened = new Promise((resolve) => {
          const poll = (now: number) => {
            const card = document.querySelector('backstory-popover')?.shadowRoot?.querySelector<HTMLElement>('.card');
            if (card && !card.hidden && card.getBoundingClientRect().width > 0) resolve(now - state.lastMove);
            else requestAnimationFrame(poll);
          };
          requestAnimationFrame(poll);
        });
      });
      await page.mouse.move(point.x, point.y);
      const sinceSettle = await page.evaluate(() => (window as unknown as { opened: Promise<number> }).opened);
      hoverMs.push(sinceSettle);
      await page.keyboard.press('Escape');
    }
    const heapOf = async (target: Page) => {
      const session = await context.newCDPSession(target);
      await session.send('HeapProfiler.collectGarbage');
      const { usedSize } = await session.send('Runtime.getHeapUsage');
      await session.detach();
      return usedSize;
    };
    const withHighlights = await heapOf(page);
    // The same page in a fresh tab with Backstory switched off: the difference is all of Backstory's
    // heap on the article page (overlay module, notes, index, ranges, highlights).
    const popup = await context.newPage();
    await popup.goto(`chrome-extension://${extensionId}/src/popup/popup.html`);
    await popup.click('#enabled');
    const plain = await context.newPage();
    await plain.goto(`${server.origin}/demo/`);
    await plain.waitForTimeout(1000);
    const withoutBackstory = await heapOf(plain);
    await popup.click('#enabled');
    return { hoverMs, heapAddedMb: (withHighlights - withoutBackstory) / 1024 / 1024 };
  });
}

function row(cells: Array<string | number>, widths: number[]): string {
  return cells.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
}

async function main(): Promise<void> {
  if (spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) process.exit(1);
  const script = await bundleInPageBench();
  const server = await startServer();
  const browserVersion = execSync(`${CHROMIUM} --version`).toString().trim();
  console.log(`\nBackstory benchmark — ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${browserVersion}, ${REPS} alternating repetitions per page\n`);

  const profile = mkdtempSync(join(tmpdir(), 'backstory-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: BASE_ARGS, viewport: { width: 1280, height: 800 } });
  await context.addInitScript(KEEP_NAMES_SHIM);
  const corpus = await runCorpus(context, server, script);
  const articles = await runArticlePages(context, server, script);
  const growth = await runGrowth(context, server, script);
  await context.close();
  rmSync(profile, { recursive: true, force: true });

  const { gateBytes, overlayBytes, files } = gateFiles();
  const parseEvaluateMs = await scriptCost(server, files);
  const { hoverMs, heapAddedMb } = await hoverAndMemory(server);
  const tasks = await longestTasks(server);
  await server.close();

  const DWELL_MS = 350;
  const gateRatios = corpus.map((r) => r.gate / Math.max(r.floor, 0.01));
  const fullRatios = articles.map((r) => r.full / r.markjs);
  const fullFloor = articles.map((r) => r.full / Math.max(r.floor, 0.01));
  const beyondDwell = hoverMs.map((ms) => ms - DWELL_MS);
  const summary = {
    corpusPages: corpus.length,
    falseDetections: corpus.filter((r) => r.detected).length,
    gateDomWrites: corpus.reduce((sum, r) => sum + r.writes, 0),
    gateOverFloor: summarise(gateRatios),
    gateMs: summarise(corpus.map((r) => r.gate)),
    floorMs: summarise(corpus.map((r) => r.floor)),
    fullOverMarkjs: summarise(fullRatios),
    fullOverFloor: summarise(fullFloor),
    growth: growth.map((g) => ({ scale: g.scale, fullMs: g.full, gateMs: g.gate, floorMs: g.floor, textNodes: g.textNodes, bytes: g.bytes })),
    growthFull16over1: growth[2].full / growth[0].full,
    growthGate16over1: growth[2].gate / growth[0].gate,
    contentScriptBytes: gateBytes,
    overlayBytes,
    contentScriptParseEvaluateMs: parseEvaluateMs,
    hoverBeyondDwellMs: summarise(beyondDwell),
    longestTaskAfterLoadMs: tasks,
    heapAddedMb,
  };

  const show = (name: string, s: Summary, unit = '') => console.log(row([name, `${fixed(s.median)}${unit}`, `${fixed(s.p95)}${unit}`, `${fixed(s.max)}${unit}`], [34, 12, 12, 12]));
  console.log(row(['measure', 'median', 'p95', 'max'], [34, 12, 12, 12]));
  show(`gate / floor (${corpus.length} corpus pages)`, summary.gateOverFloor, '×');
  show('gate, ms', summary.gateMs);
  show('floor, ms', summary.floorMs);
  show(`full / mark.js (${articles.length} templates)`, summary.fullOverMarkjs, '×');
  show('full / floor', summary.fullOverFloor, '×');
  show('hover: popover beyond the dwell, ms', summary.hoverBeyondDwellMs);
  console.log(`\nfalse detections: ${summary.falseDetections} of ${corpus.length}; DOM writes by the gate: ${summary.gateDomWrites}`);
  console.log('\ngrowth (article + synthetic comments):');
  console.log(row(['scale', 'HTML bytes', 'text nodes', 'full ms', 'gate ms', 'floor ms'], [6, 12, 11, 9, 9, 9]));
  for (const g of growth) console.log(row([`${g.scale}×`, g.bytes, g.textNodes, fixed(g.full), fixed(g.gate), fixed(g.floor)], [6, 12, 11, 9, 9, 9]));
  console.log(`longest main-thread task after load, with Backstory on the article page: ${tasks.map((t) => `${t.scale}× ${fixed(t.longestMs, 0)} ms`).join(', ')} (no task is reported under 50 ms)`);
  console.log(`16× / 1×: full ${fixed(summary.growthFull16over1)}×, gate ${fixed(summary.growthGate16over1)}× (linear would be 16×)`);
  console.log(`\ncontent script on every page: ${gateBytes} bytes (${files.join(', ')}); overlay and notes, loaded on the article page only: ${overlayBytes} bytes`);
  console.log(`content script parse + evaluate on an empty page: ${fixed(parseEvaluateMs)} ms (Chromium trace)`);
  console.log(`JS heap added on the article page with all highlights: ${fixed(heapAddedMb)} MB`);
  console.log('\nslowest gate / floor pages:');
  for (const r of [...corpus].sort((a, b) => b.gate / b.floor - a.gate / a.floor).slice(0, 5)) console.log(`  ${r.name}: gate ${fixed(r.gate)} ms, floor ${fixed(r.floor)} ms`);
  if (jsonFile) {
    writeFileSync(jsonFile, JSON.stringify({ summary, corpus, articles, growth, machine: { cpu: cpus()[0]?.model, cores: cpus().length, browser: browserVersion } }, null, 2));
    console.log(`\nJSON written to ${jsonFile}`);
  }
}

await main();
