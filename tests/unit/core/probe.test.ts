// The gate hashes the text around a page's markers first, and the rest of the stretch only for the
// packs of which something was found there (core/detect.ts): what it hashes, and what it still finds.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wordSearch, type GatePack } from '../../../src/core/detect.ts';
import { judge, judgeTexts, look } from '../../../src/core/judge.ts';
import { chooseMarkersFirst } from '../../../src/core/markers.ts';
import * as shingles from '../../../src/core/shingles.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';
import { DETECTION_PACKS, detects, searchFor } from '../../support/detect.ts';

vi.mock('../../../src/core/shingles.ts', { spy: true });

const hashed = () => vi.mocked(shingles.collectMatches).mock.calls.reduce((sum, [text]) => sum + text.length, 0);

/** Made-up words of `letters` to `letters + 7` letters from a fixed seed: text that shares no shingle with anything else here. */
function wordsFrom(seed: number, letters = 3): (count: number) => string {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const word = () => Array.from({ length: letters + Math.floor(next() * 8) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
  return (count) => Array.from({ length: count }, word).join(' ');
}

/** A pack for an article of `length` made-up words with a rare word (Rareword + letter) at each of `rarePositions`. */
function syntheticPack(length: number, rarePositions: number[], seed: number, letters = 3): { pack: GatePack; words: string[] } {
  const filler = wordsFrom(seed, letters);
  const words = Array.from({ length }, (_, i) => {
    const rare = rarePositions.indexOf(i);
    return rare >= 0 ? `Rareword${String.fromCharCode(65 + rare)}` : filler(1);
  });
  const article = words.join(' ');
  const markers = chooseMarkersFirst(article, (word) => !word.startsWith('rareword'));
  return { pack: { slug: 'synthetic', ...markers, fingerprint: new Set(shingles.sampledFingerprint(article)) }, words };
}

describe('the look around markers', () => {
  afterEach(() => vi.mocked(shingles.collectMatches).mockClear());

  it('hashes only the text near the markers of a page that merely uses the article’s rare words', () => {
    const [first, second] = DETECTION_PACKS[0].markers;
    const filler = wordsFrom(1);
    const page = `${filler(3000)} ${first} ${filler(3000)} ${second} ${filler(3000)}`;
    const search = searchFor(DETECTION_PACKS);
    const candidates = search.candidates(page);
    expect(candidates.filter((candidate) => candidate.rest).reduce((sum, candidate) => sum + candidate.text.length, 0)).toBeGreaterThanOrEqual(2 * 8000);
    for (const candidate of candidates) expect(judge(search, candidate)).toEqual([]);
    expect(hashed()).toBeLessThanOrEqual(4 * 600 + first.length + second.length);
  });

  it('hashes the article page in order, not around its markers first, and stops once the page carries the article', () => {
    expect(detects(ARTICLE_TEXT)).toBe(true);
    vi.mocked(shingles.collectMatches).mockClear();
    const search = searchFor(DETECTION_PACKS);
    const candidates = search.candidates(ARTICLE_TEXT);
    expect(candidates.some((candidate) => candidate.rest)).toBe(false);
    expect(candidates.map(({ text }) => ARTICLE_TEXT.indexOf(text))).toEqual([...candidates.keys()].map((i) => i * (2000 - 200)));
    let found: GatePack | undefined;
    for (const candidate of candidates) if ((found = judge(search, candidate)[0])) break;
    expect(found?.slug).toBe('musk-riyadh-2025');
    expect(hashed()).toBeLessThanOrEqual(ARTICLE_TEXT.length / 2);
  });

  it('finds the first quarter of a long article whose markers are far apart, quoted amid other text', () => {
    // 2,600 long words, two rare words in every quarter only: a radius over 20,000 characters, so stretches are cut.
    const { pack, words } = syntheticPack(2600, [560, 600, 1200, 1240, 1840, 1880, 2480, 2520], 11, 8);
    expect(pack.radius).toBeGreaterThan(20_000);
    const filler = wordsFrom(2);
    const page = `${filler(3000)} ${words.slice(0, 650).join(' ')} ${filler(3000)}`;
    const search = wordSearch([pack]);
    expect(search.candidates(page).some((candidate) => candidate.rest)).toBe(true);
    expect(look(wordSearch([pack]), page)).toBe(pack);
  });

  it('finds the first quarter quoted after a long post that names two of its rare words again and again', () => {
    const rare = [300, 340, ...Array.from({ length: 11 }, (_, i) => 400 + 100 * i)];
    const { pack, words } = syntheticPack(1500, rare, 3);
    const [a, b] = pack.markers;
    const filler = wordsFrom(4);
    const post = Array.from({ length: 6 }, () => `${filler(400)} ${a} ${filler(400)} ${b}`).join(' ');
    const missed: number[] = [];
    for (let gap = 0; gap < 3000; gap += 50) {
      if (look(wordSearch([pack]), `${post} ${filler(gap)} ${words.slice(0, 375).join(' ')} ${filler(500)}`) !== pack) missed.push(gap);
    }
    expect(missed).toEqual([]);
  });

  it('finds a soft-hyphenated article under a headline that shows two of its markers plainly', () => {
    const { pack, words } = syntheticPack(1200, Array.from({ length: 15 }, (_, i) => 30 + 80 * i), 5);
    const [a, b] = pack.markers;
    const hyphenated = words.join(' ').replace(/(\w{4})(\w{4})/g, '$1\u00AD$2');
    const filler = wordsFrom(6);
    for (const gap of [50, 150, 300]) expect(look(wordSearch([pack]), `${filler(300)} Headline: ${a} and ${b} ${filler(gap)} ${hyphenated} ${filler(300)}`)).toBe(pack);
  });
});

describe('judging a gate’s text elsewhere (the background)', () => {
  it('finds the article in the text around its markers sent in two messages as in one, and sends no text twice', () => {
    const fingerprint = new Set(shingles.sampledFingerprint(ARTICLE_TEXT));
    const words = ARTICLE_TEXT.split(' ');
    const first = words.slice(0, Math.floor(words.length * 0.6)).join(' ');
    const second = words.slice(Math.floor(words.length * 0.4)).join(' ');
    expect(judgeTexts([first, second], fingerprint, new Set())).toBe(true);
    const found = new Set<number>();
    judgeTexts([first], fingerprint, found);
    expect(found.size).toBeGreaterThan(0);
    expect(judgeTexts([second], fingerprint, found)).toBe(true);
    expect(judgeTexts(['text of another page altogether, with none of the article’s words in it'], fingerprint, new Set())).toBe(false);
    const pack: GatePack = { slug: 'article', markers: [], radius: 600, minHits: 2 };
    const search = wordSearch([pack]);
    expect(search.unjudged(pack, [first, second])).toEqual([first, second]);
    expect(search.unjudged(pack, [second, 'new text'])).toEqual(['new text']);
    search.forget();
    expect(search.unjudged(pack, [first])).toEqual([first]);
  });
});
