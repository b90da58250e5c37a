// @vitest-environment jsdom
// The gate's real scan (page-scan.ts, page-text.ts, core/detect.ts) on DOMs parsed from vendored
// corpus pages: none is the article; each carries it once the article is placed into its template.
// jsdom takes seconds per large page, so this runs on the pages that name the article's people (the
// hard negatives); core/corpus.test.ts runs the same detection over every vendored page's text, and
// the browser tests run the whole content script on real pages.
import { describe, expect, it } from 'vitest';
import { cut } from '../../../src/core/detect.ts';
import { scanPageNow } from '../../../src/content/scan-now.ts';
import { CHECKED_LENGTH, ELEMENTS_PER_PAUSE, inPieces, OVERLAP, pageTexts, PIECE, Shadows, shadowTexts, textParts, textWithoutScripts, TEXTS_PER_PAUSE } from '../../../src/content/page-text.ts';
import { escapeHtml, excerpt, paragraphsHtml, withLinkedNames } from '../../support/article.ts';
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

  it('finds the article in an open shadow root of a page with more than 20,000 characters of other text', () => {
    const other = Array.from({ length: 300 }, (_, i) => `<p>Market report ${i}: shares of the company rose in early trading on strong results.</p>`).join('');
    const doc = parse(`<body>${other}<news-article></news-article>${other}</body>`);
    expect(doc.body.textContent?.length).toBeGreaterThan(40_000);
    const root = doc.querySelector('news-article')?.attachShadow({ mode: 'open' });
    if (root) root.innerHTML = paragraphsHtml(); // test fixture, not extension code
    expect(scanPageNow(doc, searchFor(DETECTION_PACKS))?.slug).toBe('musk-riyadh-2025');
  });
});

describe('a long text searched in pieces', () => {
  const filler = (chars: number) => `<p>${'Officials met again today; talks on trade, energy and security continue. '.repeat(Math.ceil(chars / 74))}</p>`;

  it('cuts a text into pieces that cover it in order, each overlapping the next by more than an article', () => {
    const text = Array.from({ length: 120_000 }, (_, i) => `${i} `).join(''); // no stretch of it repeats
    const pieces = cut(text, 1 << 18, 1 << 15);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((piece) => piece.length <= 1 << 18)).toBe(true);
    let end = 0;
    for (const piece of pieces) {
      const start = text.indexOf(piece);
      if (end > 0) expect(start).toBeLessThan(end - 10_000);
      else expect(start).toBe(0);
      end = start + piece.length;
    }
    expect(end).toBe(text.length);
    expect(cut('', 10, 2)).toEqual(['']);
  });

  it('finds the article wherever it sits in 1 MB of other text', () => {
    for (const before of [0, 300_000, 990_000]) {
      const doc = parse(`<body>${filler(before)}${paragraphsHtml()}${filler(1_000_000 - before)}</body>`);
      expect(scanPageNow(doc, searchFor(DETECTION_PACKS))?.slug, `article after ${before} characters`).toBe('musk-riyadh-2025');
    }
  });

  it('finds a quarter of the article however a cut between pieces falls through it', () => {
    const quarter = excerpt(0.25);
    const words = 'Officials met again today; talks on trade, energy and security continue. ';
    const text = (chars: number) => words.repeat(Math.ceil(chars / words.length)).slice(0, chars);
    for (let into = 100; into < quarter.length; into += 150) {
      const doc = parse(`<body><p>${text(PIECE - into)}</p><p>${escapeHtml(quarter)}</p><p>${text(300_000)}</p></body>`);
      expect(scanPageNow(doc, searchFor(DETECTION_PACKS))?.slug, `cut ${into} characters into it`).toBe('musk-riyadh-2025');
    }
  });
});

describe('pageTexts', () => {
  const read = (doc: Document, shadows: Shadows, added?: Node[]) => [...pageTexts(doc, shadows, added)].filter((text) => text !== '');

  it('reads the light text, then each open shadow root once, nested ones and roots of standard elements too', () => {
    const doc = parse('<body><p>light</p><x-outer></x-outer><div id="plain"></div></body>');
    const outer = doc.querySelector('x-outer')!.attachShadow({ mode: 'open' });
    outer.innerHTML = `<p>outer</p><x-inner></x-inner><script>${'skipped '.repeat(40)}</script>`;
    outer.querySelector('x-inner')!.attachShadow({ mode: 'open' }).textContent = 'inner';
    doc.getElementById('plain')!.attachShadow({ mode: 'open' }).textContent = 'plain';
    const shadows = new Shadows();
    expect(read(doc, shadows).map((text) => text.trim())).toEqual(['light', 'outer', 'inner', 'plain']);
    expect(shadows.roots.size).toBe(3);
    expect(read(doc, shadows).map((text) => text.trim())).toEqual(['light']);
  });

  it('pauses (an empty text) every few dozen elements, so that a page of many elements is read in short steps', () => {
    const doc = parse(`<body>${'<x-a></x-a>'.repeat(5000)}</body>`);
    const texts = [...pageTexts(doc, new Shadows())];
    expect(texts.filter((text) => text === '').length).toBeGreaterThanOrEqual(Math.floor(5000 / ELEMENTS_PER_PAUSE));
  });

  it('reads a shadow root attached after the first look to a custom element it saw without one', () => {
    const doc = parse('<body><p>light</p><late-article></late-article><div></div></body>');
    const shadows = new Shadows();
    read(doc, shadows);
    expect(shadows.hosts.size).toBe(1);
    doc.querySelector('late-article')!.attachShadow({ mode: 'open' }).textContent = 'attached later';
    expect(read(doc, shadows, [])).toEqual(['attached later']);
    expect(shadows.hosts.size).toBe(0);
    expect(read(doc, shadows, [])).toEqual([]);
  });

  it('reads the shadow roots inside added nodes, and tells whoever watches of each new root', () => {
    const doc = parse('<body><main></main></body>');
    const shadows = new Shadows();
    read(doc, shadows);
    const told: ShadowRoot[] = [];
    shadows.onRoot = (root) => told.push(root);
    const added = doc.createElement('section');
    added.innerHTML = '<p>added</p><x-card></x-card>';
    const root = added.querySelector('x-card')!.attachShadow({ mode: 'open' });
    root.textContent = 'in the card';
    doc.querySelector('main')!.append(added);
    expect(read(doc, shadows, [added]).map((text) => text.trim())).toEqual(['added', 'in the card']);
    expect(told).toEqual([root]);
  });

  it('reads and keeps at most 1,000 shadow roots and 1,000 custom elements without one', () => {
    const doc = parse(`<body>${'<x-a></x-a>'.repeat(1500)}${'<x-b></x-b>'.repeat(1500)}</body>`);
    doc.querySelectorAll('x-a').forEach((host) => (host.attachShadow({ mode: 'open' }).textContent = 'a'));
    const shadows = new Shadows();
    expect(read(doc, shadows).length).toBe(1000);
    expect(shadows.roots.size).toBe(1000);
    expect(shadows.hosts.size).toBe(1000);
  });
});

describe('the walk of a very large page', () => {
  it('looks for shadow roots among its first elements only (20,000 in the gate; 200 here: jsdom is slow)', () => {
    const page = (before: number) => {
      const doc = parse(`<body>${'<p></p>'.repeat(before)}<div id="host"></div>${'<p></p>'.repeat(100)}</body>`);
      doc.getElementById('host')?.attachShadow({ mode: 'open' }).append('text in the root');
      return [...shadowTexts(doc.body, new Shadows(), 200)].filter((text) => text !== '');
    };
    expect(page(150)).toEqual(['text in the root']);
    expect(page(250)).toEqual([]);
  });
});

describe('the text read a node at a time', () => {
  const readBody = (doc: Document) => [...textParts(doc.body)].join('');
  const read = (html: string) => readBody(parse(html));
  const code = (length: number) => `var data = "${'x'.repeat(length)}";`;

  it('reads the text around <script> and <style> as textContent would, without their long contents', () => {
    const doc = parse(`<body><p>One</p><script>${code(CHECKED_LENGTH)}</script><p>Two <b>three</b></p><style>.x{${'color:red;'.repeat(30)}}</style><div><script>${code(CHECKED_LENGTH)}</script>four</div></body>`);
    expect(readBody(doc).replace(/\s+/g, ' ').trim()).toBe('One Two three four');
  });

  it('reads short script contents with the text: checking every node\'s parent would cost a wrapper each', () => {
    expect(read('<body><p>One</p><script>var a = 1;</script></body>')).toBe('Onevar a = 1;');
  });

  it('reads thousands of <style> siblings with every word of the text between them', () => {
    const words = Array.from({ length: 1500 }, (_, i) => `w${i}`);
    const doc = parse(`<body>${words.map((word) => `<style>.x${word}{}</style>${word} `).join('')}</body>`);
    expect(readBody(doc)).toBe(doc.body.textContent);
  });

  it('pauses (an empty text) every few thousand text nodes', () => {
    const doc = parse(`<body><p>${'a<!---->'.repeat(TEXTS_PER_PAUSE * 3)}</p></body>`);
    const walker = doc.createTreeWalker(doc.body, 4);
    let nodes = 0;
    while (walker.nextNode()) nodes++;
    expect(nodes).toBeGreaterThanOrEqual(TEXTS_PER_PAUSE * 3);
    expect([...textParts(doc.body)].filter((text) => text === '').length).toBe(Math.floor(nodes / TEXTS_PER_PAUSE));
  });
});

describe('the text read a node at a time, while the page changes', () => {
  /** textParts over `doc.body`, calling `change` at each point where the reader pauses. */
  const readChanging = (doc: Document, change: () => void) => {
    const parts: string[] = [];
    for (const part of textParts(doc.body)) {
      if (part === '') change();
      else parts.push(part);
    }
    return parts.join('');
  };
  const page = (html: string) => parse(`<body><p>${'a<!---->'.repeat(TEXTS_PER_PAUSE - 1)}<span id="clock">12:00</span></p>${html}</body>`);

  it('goes on after the text node read last when the page replaces it during a pause', () => {
    const doc = page('<article>the article after the clock</article>');
    const text = readChanging(doc, () => (doc.getElementById('clock')!.textContent = '12:01'));
    // The new time is new text after the point read to: it is read too.
    expect(text.endsWith('12:0012:01the article after the clock')).toBe(true);
  });

  it('goes on after a removed ancestor of the text node read last', () => {
    const doc = page('<article>the article after the paragraph</article>');
    const text = readChanging(doc, () => doc.querySelector('p')?.remove());
    expect(text.endsWith('12:00the article after the paragraph')).toBe(true);
  });

  it('reads what the page put right after the node read last', () => {
    const doc = page('<article>the article</article>');
    const text = readChanging(doc, () => {
      const clock = doc.getElementById('clock')!;
      clock.after(doc.createTextNode(' and a late note, '));
      clock.remove();
    });
    expect(text.endsWith('12:00 and a late note, the article')).toBe(true);
  });
});

describe('textWithoutScripts', () => {
  it('reads the text around <script> and <style>, not inside them', () => {
    const doc = parse('<body><p>One</p><script>var secret = "Ushakov";</script><p>Two <b>three</b></p><style>.x{}</style><div><script>1</script>four</div></body>');
    expect(textWithoutScripts(doc.body).replace(/\s+/g, ' ').trim()).toBe('One Two three four');
  });

  it('reads a page of thousands of <style> siblings whole, in one call, with every word of its text', () => {
    const words = Array.from({ length: 700 }, (_, i) => `w${i}`);
    const doc = parse(`<body>${words.map((word) => `<style>.x${word}{}</style>${word} `).join('')}</body>`);
    const text = textWithoutScripts(doc.body);
    expect(text).toBe(doc.body.textContent);
    expect(words.every((word) => text.includes(` ${word} `) || text.startsWith(`${word} `) || text.includes(`}${word} `))).toBe(true);
  });
});

describe('inPieces', () => {
  const numbered = (count: number) => Array.from({ length: count }, (_, i) => `${i} `); // no stretch repeats

  it('gives a short text whole, and pauses as they come', () => {
    expect([...inPieces(['a', 'b', '', 'c'])]).toEqual(['', 'abc']);
    expect([...inPieces([])]).toEqual([]);
  });

  it('cuts long texts, in parts or in one, into pieces that cover them in order, each overlapping the next', () => {
    const parts = numbered(60_000);
    const text = parts.join('');
    for (const given of [parts, [text], [text.slice(0, 5), text.slice(5)]]) {
      const pieces = [...inPieces(given)];
      expect(pieces.length).toBeGreaterThan(4);
      expect(pieces.every((piece) => piece.length <= PIECE)).toBe(true);
      let end = 0;
      for (const piece of pieces) {
        const start = text.indexOf(piece);
        expect(start).toBe(end === 0 ? 0 : end - OVERLAP);
        end = start + piece.length;
      }
      expect(end).toBe(text.length);
    }
  });

  it('gives no piece that only repeats the last one', () => {
    const pieces = [...inPieces(['x'.repeat(PIECE)])];
    expect(pieces).toEqual(['x'.repeat(PIECE)]);
  });
});
