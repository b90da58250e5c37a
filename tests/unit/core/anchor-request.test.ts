import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { anchorRequestOf, textOfRequest, WHOLE_TEXT_MOST } from '../../../src/core/anchor-request.ts';
import { createTextAnchorer, textPlaces } from '../../../src/core/anchor-text.ts';
import { markerWindows } from '../../../src/core/markers.ts';
import { highlightable } from '../../../src/model/note-changes.ts';
import { ARTICLE_TEXT } from '../../support/article.ts';

const anchorText = createTextAnchorer({ ...pack, notes: highlightable(pack.notes) });
const placesIn = (text: string) => textPlaces(anchorText(text));
/** Paragraphs with none of the article's markers: what a huge page puts around the article. */
const filler = (characters: number) => 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n'.repeat(Math.ceil(characters / 57));

describe('the text an article page sends to be anchored', () => {
  it('is the text itself on a page of ordinary size', () => {
    const text = `${filler(20_000)}${ARTICLE_TEXT}${filler(20_000)}`;
    expect(anchorRequestOf(text, pack.markers, pack.radius)).toEqual({ text });
  });

  it('is only the stretches near the markers on a huge page, and anchors every note in the same places', () => {
    const text = `${filler(600_000)}${ARTICLE_TEXT}${filler(600_000)}`;
    const request = anchorRequestOf(text, pack.markers, pack.radius);
    expect('near' in request).toBe(true);
    const sent = 'near' in request ? request.near.reduce((sum, [, stretch]) => sum + stretch.length, 0) : text.length;
    expect(sent).toBeLessThan(ARTICLE_TEXT.length + 4 * pack.radius);
    const places = placesIn(textOfRequest(request));
    expect(places).toEqual(placesIn(text));
    expect(places.length).toBeGreaterThan(40);
  });

  it('is the whole text when no marker shows, as anchoring then reads all of it', () => {
    const text = filler(WHOLE_TEXT_MOST + 1);
    expect(anchorRequestOf(text, pack.markers, pack.radius)).toEqual({ text });
  });

  it('stands for a text of the same length with the same characters near every marker and no word elsewhere', () => {
    const piece = fc.oneof(fc.constantFrom(...pack.markers), fc.string({ maxLength: 40 }), fc.constant(filler(5_000)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 120 }), fc.integer({ min: 1, max: 3_000 }), (pieces, radius) => {
        const text = `${pieces.join(' ')}${' '.repeat(WHOLE_TEXT_MOST)}`;
        const back = textOfRequest(anchorRequestOf(text, pack.markers, radius));
        expect(back.length).toBe(text.length);
        const near = markerWindows(text, pack.markers, radius);
        if (near.length === 0) return void expect(back).toBe(text);
        for (const [start, end] of near) expect(back.slice(start, end)).toBe(text.slice(start, end));
        let outside = back;
        for (const [start, end] of [...near].reverse()) outside = outside.slice(0, start) + outside.slice(end);
        expect(outside.trim()).toBe('');
      }),
      { numRuns: 40 },
    );
  });
});
