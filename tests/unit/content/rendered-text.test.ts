import { describe, expect, it } from 'vitest';
import { addsWords, colorAlpha, filterAlpha, tooSmall } from '../../../src/content/rendered-text.ts';

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

describe('the alpha of a computed colour', () => {
  it('reads it in the forms Chromium and Firefox compute', () => {
    expect(colorAlpha('rgba(0, 0, 0, 0.01)')).toBe(0.01);
    expect(colorAlpha('rgba(17, 17, 17, 0)')).toBe(0);
    expect(colorAlpha('color(srgb 0 0 0 / 0.05)')).toBe(0.05);
    expect(colorAlpha('color(srgb 1 0 0 / 0.00999999)')).toBeCloseTo(0.01);
    expect(colorAlpha('oklch(0.5 0.1 20 / 0.02)')).toBe(0.02);
    expect(colorAlpha('oklch(0 0 none / 0.000399999)')).toBeCloseTo(0.0004);
    expect(colorAlpha('lab(50 10 10 / 0.04)')).toBe(0.04);
    expect(colorAlpha('color(display-p3 1 0 0 / 0.5)')).toBe(0.5);
  });

  it('reads percentages, none and transparent', () => {
    expect(colorAlpha('rgb(0 0 0 / 5%)')).toBe(0.05);
    expect(colorAlpha('hsla(0, 0%, 0%, 3%)')).toBe(0.03);
    expect(colorAlpha('rgb(0 0 0 / none)')).toBe(0);
    expect(colorAlpha('transparent')).toBe(0);
  });

  it('takes colours without alpha, and values it cannot read, as opaque', () => {
    expect(colorAlpha('rgb(17, 17, 17)')).toBe(1);
    expect(colorAlpha('rgb(0 0 0)')).toBe(1);
    expect(colorAlpha('oklch(0.5 0.1 20)')).toBe(1);
    expect(colorAlpha('color(srgb 0 0 0)')).toBe(1);
    expect(colorAlpha('red')).toBe(1);
    expect(colorAlpha('rgba(0, 0, 0, 1)')).toBe(1);
  });
});

describe('what a computed filter leaves of the text', () => {
  it('multiplies the alpha by opacity() and leaves nothing readable under a blur, a contrast or brightness near 0, or an SVG filter', () => {
    expect(filterAlpha('none')).toBe(1);
    expect(filterAlpha('opacity(0.5) opacity(50%)')).toBeCloseTo(0.25);
    expect(filterAlpha('blur(4px)')).toBe(0);
    expect(filterAlpha('blur(0.5px)')).toBe(1);
    expect(filterAlpha('contrast(0)')).toBe(0);
    expect(filterAlpha('brightness(5%)')).toBe(0);
    expect(filterAlpha('url("#swap")')).toBe(0);
  });

  it('keeps letters that shadows, greyscale, sepia, saturation, hue and inversion only recolour', () => {
    expect(filterAlpha('drop-shadow(rgb(0, 0, 0) 2px 2px 4px) grayscale(1) sepia(0.5) saturate(2) hue-rotate(90deg) invert(1)')).toBe(1);
  });
});
