// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { createAnchorer } from '../../../src/content/anchor.ts';
import { compileNotes, findMatches } from '../../../src/core/match.ts';
import { tokenize } from '../../../src/core/tokenize.ts';
import { localTextAnchorer } from '../../support/anchoring.ts';
import {
  ARTICLE_TEXT,
  escapeHtml,
  PARAGRAPHS,
  paragraphsHtml,
  withAdsBetweenAndInside,
  withBrSeparators,
  withDropCap,
  withLinkedNames,
  withTypographicNoise,
} from '../../support/article.ts';

const { notes } = pack;
const { anchorNotes } = createAnchorer(pack.notes, localTextAnchorer(pack));

/** What each note should anchor to: its matches in the plain article text. */
function expectedAnchors(): string[] {
  const tokens = tokenize(ARTICLE_TEXT);
  const all = new Uint8Array(tokens.hashes.length).fill(1);
  return findMatches(tokens.hashes, all, compileNotes(notes)).map(
    (match) => `${match.noteId}: ${ARTICLE_TEXT.slice(tokens.starts[match.first], tokens.ends[match.end - 1])}`,
  );
}

const visible = (text: string) => text.replace(/[\u00ad\u200b-\u200d\ufeff]/g, '').replace(/\s+/g, ' ');

/** Anchors the notes in a page, checking that anchoring leaves the page's DOM exactly as it was. */
async function anchorsIn(bodyHtml: string): Promise<string[]> {
  document.body.innerHTML = bodyHtml; // test fixture, not extension code
  const before = document.body.innerHTML;
  const anchors = (await anchorNotes(document.body)).anchored.map((item) => `${item.note.id}: ${visible(item.range.toString())}`);
  expect(document.body.innerHTML).toBe(before);
  return anchors;
}

const EXPECTED = expectedAnchors();
const page = (article: string) => `
  <nav><a href="/">Home</a> <a href="/trump">Trump</a> <a href="/putin">Putin</a></nav>
  <main><h1>Elon Musk commends US-Russia talks</h1><article>${article}</article></main>
  <aside class="sidebar"><h2>Most read</h2><p>Musk and Trump: what Zelensky and Rubio said about Lavrov.</p></aside>
  <section class="comments"><p>Putin and Biden again? Kremlin talking points.</p></section>`;

describe('anchorNotes', () => {
  it('anchors every note in a plain layout, and nothing outside the article', async () => {
    expect(await anchorsIn(page(paragraphsHtml()))).toEqual(EXPECTED);
    const { anchored } = await anchorNotes(document.body);
    const article = document.querySelector('article');
    expect(anchored.every((item) => article?.contains(item.range.commonAncestorContainer))).toBe(true);
  });

  it('anchors the same notes when names are wrapped in links and bold', async () => {
    expect(await anchorsIn(page(withLinkedNames(paragraphsHtml())))).toEqual(EXPECTED);
  });

  it('anchors the same notes with a drop cap in its own element', async () => {
    expect(await anchorsIn(page(withDropCap()))).toEqual(EXPECTED);
  });

  it('anchors the same notes with ads and read-more boxes between and inside paragraphs, except where an ad sits inside a mention or quote (then never painted over)', async () => {
    const anchors = await anchorsIn(page(withAdsBetweenAndInside()));
    // A note never covers words the article does not have (a page could insert its own into a claim).
    expect(anchors.filter((entry) => entry.includes('Advertisement'))).toEqual([]);
    const withAdInside = PARAGRAPHS.filter((_, i) => i % 3 === 0).map((paragraph) => {
      const words = paragraph.split(' ');
      const middle = Math.floor(words.length / 2);
      return `${words[middle - 1]} ${words[middle]}`;
    });
    const spansAnAd = (entry: string) => withAdInside.some((pair) => entry.includes(pair));
    const kept = EXPECTED.filter((entry) => !spansAnAd(entry));
    expect(kept.length).toBeGreaterThan(EXPECTED.length - withAdInside.length - 1);
    expect(kept.filter((entry) => !anchors.includes(entry))).toEqual([]);
    // A quote with an ad inside may still be found as an edited quote; here, cut short before it.
    expect(anchors.filter((entry) => !kept.includes(entry))).toEqual(['claim/biden-administration-test: Biden has championed unwavering support for Kyiv']);
  });

  it('anchors the same notes when paragraphs are separated by <br>', async () => {
    expect(await anchorsIn(page(withBrSeparators()))).toEqual(EXPECTED);
  });

  it('anchors the same notes through typographic noise', async () => {
    const noisy = await anchorsIn(page(PARAGRAPHS.map((p) => `<p>${escapeHtml(withTypographicNoise(p))}</p>`).join('')));
    expect(noisy.map((entry) => entry.split(':')[0])).toEqual(EXPECTED.map((entry) => entry.split(':')[0]));
  });

  it('anchors nothing on a page that only names the same people', async () => {
    expect(await anchorsIn(page('<p>Musk, Trump, Putin, Lavrov and Rubio were all in the news this week.</p>'))).toEqual([]);
  });

  it('ranges cover exactly the text they anchor (offsets and Ranges round-trip)', async () => {
    document.body.innerHTML = page(withLinkedNames(withDropCap()));
    const { index, anchored } = await anchorNotes(document.body);
    for (const item of anchored) expect(item.range.toString()).toBe(index.text.slice(item.start, item.end));
  });

  it('anchors every alias exactly once when the article is split at random points across inline elements', async () => {
    const tags = ['b', 'i', 'span', 'a', 'em', 'strong'];
    const splitParagraph = fc.tuple(fc.array(fc.nat(), { maxLength: 12 }), fc.array(fc.constantFrom(...tags), { minLength: 12, maxLength: 12 }));
    await fc.assert(
      fc.asyncProperty(fc.array(splitParagraph, { minLength: PARAGRAPHS.length, maxLength: PARAGRAPHS.length }), async (splits) => {
        const html = PARAGRAPHS.map((paragraph, i) => {
          const [points, wrappers] = splits[i];
          const cuts = [...new Set(points.map((point) => point % paragraph.length))].sort((a, b) => a - b);
          let out = '';
          let last = 0;
          cuts.forEach((cut, k) => {
            out += `<${wrappers[k]}>${escapeHtml(paragraph.slice(last, cut))}</${wrappers[k]}>`;
            last = cut;
          });
          return `<p>${out}${escapeHtml(paragraph.slice(last))}</p>`;
        }).join('');
        expect(await anchorsIn(page(html))).toEqual(EXPECTED);
      }),
      { numRuns: 25 },
    );
  });
});

describe('anchoring an edited copy in a page', () => {
  it('paints respelt names and edited quotes in the article’s paragraphs, never the same names in the sidebar', async () => {
    const edited = PARAGRAPHS.map((paragraph) =>
      paragraph
        .replace('Sergey Lavrov', 'Sergei Lavrov')
        .replace('President Volodymyr Zelensky', 'President Volodymyr Zelenskyy')
        .replace('Kyiv will not recognize any talks conducted without its direct involvement', 'Kyiv won’t recognise any talks held without its direct involvement'),
    );
    const anchors = await anchorsIn(page(paragraphsHtml(edited)));
    expect(anchors).toContain('person/sergey-lavrov: Sergei Lavrov');
    expect(anchors).toContain('person/volodymyr-zelensky: Volodymyr Zelenskyy');
    expect(anchors).toContain('event/kyiv-will-not-recognize: Kyiv won’t recognise any talks held without its direct involvement');
    const { anchored } = await anchorNotes(document.body);
    const article = document.querySelector('article');
    expect(anchored.every((item) => article?.contains(item.range.commonAncestorContainer))).toBe(true);
    expect(anchored.find((item) => item.note.id === 'event/kyiv-will-not-recognize')?.how).toBe('edited');
  });
});

describe('anchoring while the page changes', () => {
  const { anchorNotesInSlices } = createAnchorer(pack.notes, localTextAnchorer(pack));

  it('never throws and makes no range on nodes the page shortened or removed during the walk', async () => {
    document.body.innerHTML = page(paragraphsHtml()); // test fixture, not extension code
    const texts = [...document.querySelectorAll('article p')].map((p) => p.firstChild as Text);
    const pending = anchorNotesInSlices(document.body, new AbortController().signal);
    texts[1].data = texts[1].data.slice(0, 5);
    texts[2].remove();
    const result = await pending;
    for (const item of result?.anchored ?? []) {
      expect(item.range.startContainer.isConnected).toBe(true);
      expect(item.range.startOffset).toBeLessThanOrEqual((item.range.startContainer as Text).length);
    }
  });

  it('makes a range only on the words a place was matched to when the page edits its text while the background matches', async () => {
    document.body.innerHTML = page(paragraphsHtml()); // test fixture, not extension code
    const matchElsewhere = localTextAnchorer(pack);
    const editing = createAnchorer(pack.notes, async (text) => {
      const places = await matchElsewhere(text);
      // The page swaps its names and shifts its words meanwhile: "Lavrov" becomes "Rubio", and so on.
      for (const p of document.querySelectorAll('article p')) {
        const node = p.firstChild as Text;
        node.data = node.data.replace('Lavrov', 'Rubio').replace('Musk', 'Zelensky').replace(/^/, 'Update: ');
      }
      return places;
    });
    const { index, anchored } = await editing.anchorNotes(document.body);
    expect(index.text).toContain('Lavrov');
    for (const item of anchored) expect(item.range.toString()).toBe(index.text.slice(item.start, item.end));
    expect(anchored.length).toBeLessThan(EXPECTED.length);
  });

  it('gives nothing for a walk aborted before it finished', async () => {
    document.body.innerHTML = page(paragraphsHtml()); // test fixture, not extension code
    const controller = new AbortController();
    controller.abort();
    expect(await anchorNotesInSlices(document.body, controller.signal)).toBeUndefined();
  });

  it('reads the text of a page element named like Backstory’s own', async () => {
    expect(await anchorsIn(page(`<backstory-popover>${paragraphsHtml()}</backstory-popover>`))).toEqual(EXPECTED);
  });
});
