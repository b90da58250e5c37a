import { describe, expect, it } from 'vitest';
import { drawnBefore, BIDI_CONTROL, RIGHT_TO_LEFT, type Box } from '../../../src/content/reading-order.ts';

const box = (left: number, top: number, width: number, height = 18): Box => ({ left, right: left + width, top, bottom: top + height });

describe('words drawn in the order the text has them', () => {
  it('takes the next word to the right on the same line, or on a later line, as in order', () => {
    expect(drawnBefore(box(100, 40, 50), box(154, 40, 80))).toBe(false);
    expect(drawnBefore(box(600, 40, 50), box(0, 62, 80))).toBe(false);
    // Lines set tighter than the font's boxes still read as the next line.
    expect(drawnBefore(box(600, 40, 50, 20), box(0, 56, 80, 20))).toBe(false);
  });

  it('takes a superscript, a drop cap and a word beside a drop cap as in order', () => {
    expect(drawnBefore(box(100, 40, 50), box(151, 34, 8, 13))).toBe(false);
    expect(drawnBefore(box(0, 40, 40, 60), box(44, 40, 120))).toBe(false);
    expect(drawnBefore(box(44, 40, 120), box(170, 40, 30))).toBe(false);
  });

  it('takes a word drawn to the left on the same line as out of order', () => {
    // "Trump has accused Biden" drawn as "Biden has accused Trump".
    expect(drawnBefore(box(300, 40, 45), box(150, 40, 90))).toBe(true);
    expect(drawnBefore(box(150, 40, 90), box(100, 40, 45))).toBe(true);
  });

  it('takes a word drawn on a line above as out of order, unless it starts a new column to the right', () => {
    expect(drawnBefore(box(0, 80, 50), box(0, 40, 50))).toBe(true);
    expect(drawnBefore(box(200, 80, 50), box(100, 40, 50))).toBe(true);
    expect(drawnBefore(box(0, 900, 300), box(340, 20, 60))).toBe(false);
  });

  it('allows a pixel or two of rounding', () => {
    expect(drawnBefore(box(100, 40, 50), box(99, 40, 50))).toBe(false);
  });
});

describe('text this check leaves alone or refuses', () => {
  it('knows right-to-left letters', () => {
    expect(RIGHT_TO_LEFT.test('Lavrov')).toBe(false);
    expect(RIGHT_TO_LEFT.test('لافروف')).toBe(true);
    expect(RIGHT_TO_LEFT.test('שלום')).toBe(true);
  });

  it('finds bidi controls, not the marks and joiners that leave Latin words in order', () => {
    expect(BIDI_CONTROL.test('\u2067\u2066Trump\u2069 \u2066Biden\u2069\u2069')).toBe(true);
    expect(BIDI_CONTROL.test('Trump \u200F has accused')).toBe(true);
    expect(BIDI_CONTROL.test('a\u202Eb')).toBe(true);
    expect(BIDI_CONTROL.test('Trump\u200E has\u200D accused\u00AD Biden')).toBe(false);
  });
});
