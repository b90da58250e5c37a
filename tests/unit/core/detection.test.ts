import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markArticleWords, MIN_ARTICLE_RUN } from '../../../src/core/article-words.ts';
import { decodeHashes, encodeHashes } from '../../../src/core/base64.ts';
import { sampledFingerprint, shinglesOfWords } from '../../../src/core/shingles.ts';
import { wordHashes } from '../../../src/core/tokenize.ts';
import { ARTICLE_TEXT, COMMENTARY, excerpt, PARAGRAPHS, PEOPLE_LIST, SAME_EVENT_ARTICLE, withTypographicNoise } from '../../support/article.ts';
import { chooseMarkers, chooseMarkersFirst, MARKER_OPTIONS, MarkerError, markerWindows } from '../../../src/core/markers.ts';
import { detects, FINGERPRINT, DETECTION_PACKS, searchFor, share } from '../../support/detect.ts';

describe('fingerprint', () => {
  it('round-trips through its base64 encoding', () => {
    const shingles = sampledFingerprint(ARTICLE_TEXT);
    expect(decodeHashes(encodeHashes(shingles))).toEqual(new Set(shingles));
  });

  it('keeps roughly a quarter of the article shingles', () => {
    const all = new Set(shinglesOfWords(wordHashes(ARTICLE_TEXT))).size;
    expect(FINGERPRINT.size).toBeGreaterThan(all * 0.2);
    expect(FINGERPRINT.size).toBeLessThan(all * 0.3);
  });

  it('detects the whole article', () => {
    expect(share(ARTICLE_TEXT)).toBe(1);
  });

  it('detects the article with typographic noise', () => {
    expect(detects(withTypographicNoise(ARTICLE_TEXT))).toBe(true);
    expect(share(withTypographicNoise(ARTICLE_TEXT))).toBe(1);
  });

  it('detects an excerpt that carries the first quarter of the article', () => {
    expect(detects(excerpt(0.25))).toBe(true);
  });

  it('detects the article inside a page of boilerplate', () => {
    const boilerplate = 'Subscribe to our newsletter. Sign in. Cookie settings. '.repeat(500);
    expect(detects(`${boilerplate}${ARTICLE_TEXT}${boilerplate}`)).toBe(true);
  });

  it('does not detect another article about the same talks with the same names', () => {
    expect(share(SAME_EVENT_ARTICLE)).toBeLessThan(0.03);
    expect(detects(SAME_EVENT_ARTICLE)).toBe(false);
  });

  it('does not detect a commentary quoting two sentences of it', () => {
    expect(detects(COMMENTARY)).toBe(false);
  });

  it('does not detect a list of the same people', () => {
    expect(share(PEOPLE_LIST)).toBeLessThan(0.02);
    expect(detects(PEOPLE_LIST)).toBe(false);
  });

  it('does not detect a few paragraphs of it below the threshold', () => {
    expect(detects(PARAGRAPHS[7])).toBe(false);
    expect(detects(excerpt(0.08))).toBe(false);
  });
});

describe('markArticleWords', () => {
  const articleShingles = new Set(shinglesOfWords(wordHashes(ARTICLE_TEXT)));

  it('marks the article text and not the page text around it', () => {
    const before = 'Most read: Trump and Putin to meet soon, Kremlin says. Rubio heads to the Gulf.';
    const words = wordHashes(`${before} ${PARAGRAPHS[1]} Comments: Musk and Trump again?`);
    const marked = markArticleWords(words, articleShingles);
    const beforeCount = wordHashes(before).length;
    const articleCount = wordHashes(PARAGRAPHS[1]).length;
    expect([...marked.slice(0, beforeCount)].every((flag) => flag === 0)).toBe(true);
    expect([...marked.slice(beforeCount, beforeCount + articleCount)].every((flag) => flag === 1)).toBe(true);
    expect([...marked.slice(beforeCount + articleCount)].every((flag) => flag === 0)).toBe(true);
  });

  it('leaves short runs that happen to share a phrase unmarked', () => {
    const phrase = wordHashes('President Donald Trump shared a video clip');
    expect(phrase.length).toBeLessThan(MIN_ARTICLE_RUN + 1);
    const marked = markArticleWords(wordHashes('Yesterday Musk, an ally of President Donald Trump, said hello.'), articleShingles);
    expect([...marked].every((flag) => flag === 0)).toBe(true);
  });
});

describe('detection, by property', () => {
  const sentences = ARTICLE_TEXT.split(/(?<=[.!?”])\s+/);
  const articleWords = ARTICLE_TEXT.split(/\s+/).length;
  const vocabulary = [...new Set(ARTICLE_TEXT.toLowerCase().match(/[a-z]+/g))];

  it('never detects random text made of the article’s own words', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...vocabulary), { minLength: 50, maxLength: 3000 }), (words) => !detects(words.join(' '))));
  });

  it('never detects a few of its sentences (under a tenth of it) amid other text', () => {
    const few = fc.subarray(sentences).filter((picked) => picked.join(' ').split(/\s+/).length < articleWords * 0.1);
    fc.assert(fc.property(few, fc.lorem({ maxCount: 200 }), (picked, filler) => !detects(`${filler} ${picked.join(` ${filler} `)} ${filler}`)));
  });

  it('always detects the article with random typographic noise and page text around it', () => {
    const noise = fc.constantFrom('\u00ad', '\u200b', '\u2062', '\ufe0f', '\u{e0041}', '\u00a0', ' ', '\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(ARTICLE_TEXT.length), noise), { maxLength: 200 }), fc.lorem(), fc.lorem(), (insertions, before, after) => {
        let text = ARTICLE_TEXT;
        for (const [at, char] of insertions.sort((a, b) => b[0] - a[0])) {
          // Noise goes between characters of words or in place of a space, never joining two words.
          text = !/\s/u.test(char) ? `${text.slice(0, at)}${char}${text.slice(at)}` : text.slice(0, at) + (text[at] === ' ' ? char : text[at] ?? '') + text.slice(at + 1);
        }
        return detects(`${before} ${text} ${after}`);
      }),
    );
  });
});

describe('markers', () => {
  const pack = DETECTION_PACKS[0];

  it('are rare words of the article, few enough to search every page for', () => {
    expect(pack.markers.length).toBeGreaterThan(2);
    expect(pack.markers.length).toBeLessThanOrEqual(MARKER_OPTIONS.max);
    for (const marker of pack.markers) expect(ARTICLE_TEXT).toContain(marker);
  });

  it('are at least two different ones in every stretch of 15 % of the article, as many as a page must show', () => {
    const words = ARTICLE_TEXT.match(/[\p{L}\p{N}]+/gu) ?? [];
    const span = Math.ceil(words.length * 0.15);
    for (let start = 0; start + span <= words.length; start++) {
      const different = new Set(words.slice(start, start + span).filter((word) => pack.markers.includes(word))).size;
      expect(different, `words ${start}–${start + span}`).toBeGreaterThanOrEqual(2);
    }
    expect(pack.minHits).toBe(2);
  });

  it('send the gate to the fingerprint only where a page shows enough different markers', () => {
    const [first, second] = pack.markers;
    const filler = 'Trump and Putin spoke. '.repeat(50);
    expect(searchFor(DETECTION_PACKS).candidates(`${filler}${first} ${filler}${first}. ${first}!`)).toEqual([]);
    const candidates = searchFor(DETECTION_PACKS).candidates(`${filler}${first} ${filler}${second}`);
    expect(candidates.length).toBeGreaterThan(0);
    expect(candidates.every((candidate) => candidate.packs.length === 1 && candidate.packs[0].slug === pack.slug)).toBe(true);
    // Text arriving later adds to what the page has shown.
    const search = searchFor(DETECTION_PACKS);
    expect(search.candidates(`${filler}${first}`)).toEqual([]);
    expect(search.candidates(`${filler}${second}`).length).toBeGreaterThan(0);
  });

  it('cover the whole article, and a whole excerpt, with their windows', () => {
    expect(markerWindows(ARTICLE_TEXT, pack.markers, pack.radius)).toEqual([[0, ARTICLE_TEXT.length]]);
    const head = excerpt(0.25);
    expect(markerWindows(head, pack.markers, pack.radius)).toEqual([[0, head.length]]);
  });

  it('keep only the text near each marker, merging windows that overlap', () => {
    const filler = 'x '.repeat(5000);
    const text = `${filler}Lavrov${filler}Ushakov and Riyadh${filler}`;
    expect(markerWindows(text, ['Lavrov', 'Ushakov', 'Riyadh'], 100)).toEqual([[10000 - 100, 10000 + 100], [20006 - 100, 20018 + 100]]);
  });

  it('find nothing in a page full of the article’s famous names', () => {
    const page = 'Trump and Putin and Musk and Zelensky and Biden. '.repeat(2000);
    expect(markerWindows(page, pack.markers, pack.radius)).toEqual([]);
  });

  it('are found through invisible characters put inside them', () => {
    const hidden = ARTICLE_TEXT.replace(/([A-Za-z])([a-z]+)/g, '$1\u2063$2');
    expect(markerWindows(hidden, pack.markers, pack.radius)).toEqual([]);
    expect(detects(hidden)).toBe(true);
  });

  it('ask two in every quarter of an article whose rare words do not allow two in every 15 %, before settling for one', () => {
    // 200 words, a rare one (different each time) every 20th: one or two in a 30-word stretch (15 %), two or three in 50.
    const rare = Array.from({ length: 10 }, (_, i) => `Rareword${String.fromCharCode(65 + i)}x`);
    const article = Array.from({ length: 200 }, (_, i) => (i % 20 === 10 ? rare[i / 20 - 0.5] : 'common')).join(' ');
    const isCommon = (word: string) => word === 'common';
    expect(() => chooseMarkers(article, isCommon)).toThrow(MarkerError);
    expect(chooseMarkersFirst(article, isCommon).minHits).toBe(2);
    // Every 28th: one in any 30 words, but a 50-word stretch with only one.
    const sparse = Array.from({ length: 200 }, (_, i) => (i % 28 === 14 ? rare[(i - 14) / 28] : 'common')).join(' ');
    expect(chooseMarkersFirst(sparse, isCommon).minHits).toBe(1);
    expect(() => chooseMarkersFirst('the cat sat on the mat '.repeat(100), () => false)).toThrow(/too few rare words/);
  });

  it('fail the build for an article with too few rare words, saying why', () => {
    expect(() => chooseMarkers('the cat sat on the mat '.repeat(100), () => false)).toThrow(MarkerError);
    expect(() => chooseMarkers('the cat sat on the mat '.repeat(100), (word) => word.length > 0)).toThrow(/too few rare words/);
  });
});
