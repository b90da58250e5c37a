// The gate hashes the text around a page's markers first, and the rest of the stretch only for a
// pack of which something was found there (core/detect.ts): what it hashes, counted.
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as shingles from '../../../src/core/shingles.ts';
import { ARTICLE_TEXT, excerpt } from '../../support/article.ts';
import { detects, DETECTION_PACKS, searchFor } from '../../support/detect.ts';

vi.mock('../../../src/core/shingles.ts', { spy: true });

const hashed = () => vi.mocked(shingles.collectMatches).mock.calls.reduce((sum, [text]) => sum + text.length, 0);
const filler = (words: number) => Array.from({ length: words }, (_, i) => `lorem${i % 97} ipsum`).join(' ');

describe('the look around markers', () => {
  afterEach(() => vi.mocked(shingles.collectMatches).mockClear());

  it('hashes only the text near the markers of a page that merely uses the article’s rare words', () => {
    const [first, second] = DETECTION_PACKS[0].markers;
    const page = `${filler(3000)} ${first} ${filler(3000)} ${second} ${filler(3000)}`;
    const search = searchFor(DETECTION_PACKS);
    const candidates = search.candidates(page);
    expect(candidates.reduce((sum, candidate) => sum + candidate.text.length, 0)).toBeGreaterThanOrEqual(2 * 8000);
    for (const candidate of candidates) expect(search.add(candidate)).toEqual([]);
    expect(hashed()).toBeLessThanOrEqual(4 * 600 + first.length + second.length);
  });

  it('still detects an excerpt of the first quarter amid a long page, hashing it whole', () => {
    const page = `${filler(3000)} ${excerpt(0.25)} ${filler(3000)}`;
    expect(detects(page)).toBe(true);
    expect(hashed()).toBeGreaterThan(excerpt(0.25).length);
  });

  it('hashes the article page once, not around its markers first', () => {
    expect(detects(ARTICLE_TEXT)).toBe(true);
    expect(hashed()).toBe(ARTICLE_TEXT.length);
  });
});
