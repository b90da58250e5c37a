import { describe, expect, it } from 'vitest';
import { addsWords, tooSmall } from '../../../src/content/rendered-text.ts';

describe('letters too small to read under a highlight', () => {
  it('finds tiny letters among the range’s typical ones', () => {
    expect(tooSmall([18, 1.2, 18])).toBe(true);
    expect(tooSmall([18, 6, 18, 18])).toBe(true);
    expect(tooSmall([2])).toBe(true);
  });

  it('takes superscripts, small caps and a drop cap as readable', () => {
    expect(tooSmall([18, 12, 18])).toBe(false);
    expect(tooSmall([54, 18])).toBe(false);
    expect(tooSmall([54, 18, 18, 13])).toBe(false);
    expect(tooSmall([])).toBe(false);
  });
});

describe('generated content that adds words', () => {
  it('takes words, digits and anything but strings as words', () => {
    expect(addsWords('"not "')).toBe(true);
    expect(addsWords('"“" "un"')).toBe(true);
    expect(addsWords('counter(footnote)')).toBe(true);
    expect(addsWords('url("not.png")')).toBe(true);
    expect(addsWords('attr(data-x)')).toBe(true);
    expect(addsWords('"2"')).toBe(true);
  });

  it('lets quotes, punctuation and nothing pass', () => {
    expect(addsWords('none')).toBe(false);
    expect(addsWords('normal')).toBe(false);
    expect(addsWords('open-quote')).toBe(false);
    expect(addsWords('no-close-quote')).toBe(false);
    expect(addsWords('""')).toBe(false);
    expect(addsWords('"“" open-quote "—"')).toBe(false);
    expect(addsWords('"\\""')).toBe(false);
  });
});
