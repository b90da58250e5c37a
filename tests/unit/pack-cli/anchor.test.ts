// Anchoring by words, positions in code points, and the demo page for `npm start -- --pack`.
import { describe, expect, it } from 'vitest';
import { loadPack } from '../../../build/packs.ts';
import { indexArticle } from '../../../scripts/pack/article-index.ts';
import { anchorQuote } from '../../../scripts/pack/anchor.ts';
import { toCodePoints, toUtf16 } from '../../../scripts/pack/code-points.ts';
import { packDemoHtml } from '../../../scripts/pack/demo-page.ts';
import { REAL_DIR } from './support.ts';

describe('anchorQuote', () => {
  const index = indexArticle('The cat sat. The cat ran. The horse sat.');

  it('ignores case and punctuation, and uses prefix and suffix to choose', () => {
    const ran = anchorQuote(index, { exact: 'THE CAT', suffix: 'ran' });
    expect(ran).toMatchObject({ ok: true, first: 3, ambiguous: false, span: { start: 13, end: 20 } });
  });

  it('uses the position to choose between equal candidates, and marks a guess as ambiguous', () => {
    expect(anchorQuote(index, { exact: 'the cat' }, { start: 13, end: 20 })).toMatchObject({ ok: true, first: 3, ambiguous: false });
    expect(anchorQuote(index, { exact: 'the cat' })).toMatchObject({ ok: true, first: 0, ambiguous: true });
  });

  it('anchors a position alone, and reports a quote that is not there with the nearest text', () => {
    expect(anchorQuote(index, undefined, { start: 26, end: 33 })).toMatchObject({ ok: true, first: 6, last: 8 });
    expect(anchorQuote(index, { exact: 'the horsse sat' })).toMatchObject({ ok: false, nearest: { text: 'The horse sat', missing: ['horsse'] } });
  });
});

describe('code points', () => {
  it('count an emoji as one character, as W3C TextPositionSelector does', () => {
    const text = 'a😀b';
    expect(toCodePoints(text, 3)).toBe(2);
    expect(toUtf16(text, 2)).toBe(3);
    expect(toCodePoints(text, text.length)).toBe(3);
  });
});

describe('the demo page of a pack', () => {
  it('holds every paragraph of the article, escaped, with its title and publisher', () => {
    const pack = loadPack(REAL_DIR);
    const html = packDemoHtml({ ...pack, articleText: `${pack.articleText}A <b>tag</b> & more\n` });
    expect(html).toContain(`<h1>${pack.file.article.title}</h1>`);
    expect(html.match(/<p>/g)).toHaveLength(pack.articleText.trim().split('\n').length + 1);
    expect(html).toContain('<p>A &lt;b&gt;tag&lt;/b&gt; &amp; more</p>');
    expect(html).toContain('href="/demo/demo.css"');
  });
});
