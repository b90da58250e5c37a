// @vitest-environment jsdom
// The gate's real scan (page-scan.ts, page-text.ts, core/detect.ts) on DOMs parsed from vendored
// corpus pages: none is the article; each carries it once the article is placed into its template.
// jsdom takes seconds per large page, so this runs on the pages that name the article's people (the
// hard negatives); core/corpus.test.ts runs the same detection over every vendored page's text, and
// the browser tests run the whole content script on real pages.
import { describe, expect, it } from 'vitest';
import { scanPageNow } from '../../../src/content/page-scan.ts';
import { textWithoutScripts } from '../../../src/content/page-text.ts';
import { paragraphsHtml, withLinkedNames } from '../../support/article.ts';
import { corpusPages, placeInto } from '../../support/corpus.ts';
import { DETECTION_PACKS, searchFor } from '../../support/detect.ts';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const scan = (html: string) => scanPageNow(parse(html), searchFor(DETECTION_PACKS))?.slug;

describe('the gate’s scan of real pages', () => {
  const people = /\b(Musk|Putin|Zelensky|Lavrov|Rubio|Ushakov)\b/;
  const pages = corpusPages()
    .filter((page) => people.test(page.html))
    .sort((a, b) => a.html.length - b.html.length)
    .slice(0, 3);

  it('has hard negatives to look at', () => {
    expect(pages.length).toBe(3);
  });

  it('finds no article on pages that name the article’s people', () => {
    expect(pages.filter((page) => scan(page.html) !== undefined).map((page) => page.name)).toEqual([]);
  });

  it('finds the article placed into every page’s template', () => {
    const layouts = [paragraphsHtml(), withLinkedNames(paragraphsHtml())];
    const missed = pages.filter((page, i) => scan(placeInto(page.html, layouts[i % layouts.length])) !== 'musk-riyadh-2025');
    expect(missed.map((page) => page.name)).toEqual([]);
  });

  it('finds the article in an open shadow root of a page with little other text', () => {
    const doc = parse('<body><h1>Top story</h1><news-article></news-article></body>');
    const root = doc.querySelector('news-article')?.attachShadow({ mode: 'open' });
    const article = doc.createElement('div');
    article.innerHTML = paragraphsHtml(); // test fixture, not extension code
    root?.append(article);
    expect(scanPageNow(doc, searchFor(DETECTION_PACKS))?.slug).toBe('musk-riyadh-2025');
  });
});

describe('textWithoutScripts', () => {
  it('reads the text around <script> and <style>, not inside them', () => {
    const doc = parse('<body><p>One</p><script>var secret = "Ushakov";</script><p>Two <b>three</b></p><style>.x{}</style><div><script>1</script>four</div></body>');
    expect(textWithoutScripts(doc.body).replace(/\s+/g, ' ').trim()).toBe('One Two three four');
  });

  it('reads the same words node by node on a page of thousands of <style> siblings', () => {
    const words = Array.from({ length: 700 }, (_, i) => `w${i}`);
    const doc = parse(`<body>${words.map((word) => `<style>.x${word}{}</style>${word} `).join('')}<script>"Ushakov"</script></body>`);
    expect(textWithoutScripts(doc.body).split(/\s+/).filter(Boolean)).toEqual(words);
  });
});
