// The second table: today's in-page breakdown, timed inside the page with performance.now() on
// pages whose scripts were removed (a still DOM), no extension loaded. floor: read every text node;
// gate: Backstory's scan; full: scan + anchor + paint; markjs: mark.js on the article element.
// It calls Backstory's modules directly (scripts/bench/in-page.ts), so it is the part of the
// benchmark that follows the source's internals; if they move, this table says so and is skipped.
import type { BrowserContext, Page } from 'playwright-core';
import { bundleInPageBench } from './bundle.ts';
import { articleHtml, inert, placeInto, type CorpusPage } from './corpus.ts';
import type { TestServer as BenchServer } from '../../tests/browser/harness/server.ts';
import { median } from './stats.ts';

interface Timed {
  ms: number;
  result: unknown;
}

export interface InPageCorpusRow {
  name: string;
  floor: number;
  gate: number;
  detected: boolean;
  writes: number;
}

export interface InPageArticleRow {
  name: string;
  full: number;
  markjs: number;
  floor: number;
  anchored: number;
  marked: number;
}

const BENCH = 'window.backstoryBench';

async function load(page: Page, url: string, script: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await page.addScriptTag({ content: script });
}

async function call(page: Page, expression: string): Promise<Timed> {
  return (await page.evaluate(`(async () => { const r = await ${BENCH}.${expression}; return typeof r === 'number' ? { ms: 0, result: r } : r; })()`)) as Timed;
}

async function alternate(page: Page, reps: number, contenders: Record<string, string>): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let rep = 0; rep < reps; rep++) for (const [name, expression] of Object.entries(contenders)) times[name].push((await call(page, expression)).ms);
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

export async function inPageTable(context: BrowserContext, server: BenchServer, pages: CorpusPage[], templates: CorpusPage[], reps: number) {
  const script = await bundleInPageBench();
  const page = await context.newPage();
  const corpus: InPageCorpusRow[] = [];
  for (const [i, corpusPage] of pages.entries()) {
    await load(page, server.page(`/in-page/corpus/${i}.html`, inert(corpusPage.html)), script);
    const medians = await alternate(page, reps, { floor: 'floor()', gate: 'gate()' });
    const detected = (await call(page, 'gate()')).result as boolean;
    const writes = (await call(page, 'gateWrites()')).result as number;
    corpus.push({ name: corpusPage.name, floor: medians.floor, gate: medians.gate, detected, writes });
  }
  const articles: InPageArticleRow[] = [];
  for (const [i, template] of templates.entries()) {
    await load(page, server.page(`/in-page/article/${i}.html`, inert(placeInto(template.html, articleHtml()))), script);
    const medians = await alternate(page, reps, { full: 'full()', markjs: "markjs('article.backstory-test-article')", floor: 'floor()' });
    const anchored = (await call(page, 'full()')).result as number;
    const marked = (await call(page, "markjs('article.backstory-test-article')")).result as number;
    articles.push({ name: template.name, full: medians.full, markjs: medians.markjs, floor: medians.floor, anchored, marked });
  }
  await page.close();
  return { corpus, articles };
}
