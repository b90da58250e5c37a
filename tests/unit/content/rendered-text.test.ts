import { describe, expect, it } from 'vitest';
import { tooSmall } from '../../../src/content/rendered-text.ts';

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
