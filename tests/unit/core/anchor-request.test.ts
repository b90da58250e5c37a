import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as pack from 'virtual:backstory-annotations';
import { anchorRequestOf, pagePlace, REQUEST_MOST, textOfRequest, WHOLE_TEXT_MOST } from '../../../src/core/anchor-request.ts';
import { createTextAnchorer, textPlaces } from '../../../src/core/anchor-text.ts';
import { highlightable } from '../../../src/model/note-changes.ts';
import { ARTICLE_TEXT, PARAGRAPHS } from '../../support/article.ts';

const anchorText = createTextAnchorer({ ...pack, notes: highlightable(pack.notes) });
const placesIn = (text: string) => textPlaces(anchorText(text));
/** What the background answers to a request: places in the text it stands for, at their offsets in the page's text. */
function placesVia(text: string) {
  const { text: sent, pageOffset } = textOfRequest(anchorRequestOf(text, pack.markers, pack.radius));
  return placesIn(sent).map((place) => pagePlace(place, pageOffset));
}
/** Paragraphs with none of the article's markers: what a huge page puts around the article. */
const filler = (characters: number) => 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n'.repeat(Math.ceil(characters / 57));

describe('the text an article page sends to be anchored', () => {
  it('is the text itself on a page of ordinary size', () => {
    const text = `${filler(20_000)}${ARTICLE_TEXT}${filler(20_000)}`;
    expect(anchorRequestOf(text, pack.markers, pack.radius)).toEqual({ text });
  });

  it('is only the stretches near the markers on a huge page, and anchors every note in the same places', () => {
    const text = `${filler(600_000)}${ARTICLE_TEXT}${filler(600_000)}${PARAGRAPHS[3]}\n${filler(100_000)}`;
    const request = anchorRequestOf(text, pack.markers, pack.radius);
    expect('near' in request && request.near.length).toBe(2);
    const sent = 'near' in request ? request.near.reduce((sum, [, stretch]) => sum + stretch.length, 0) : text.length;
    expect(sent).toBeLessThan(ARTICLE_TEXT.length + PARAGRAPHS[3].length + 8 * pack.radius);
    const places = placesVia(text);
    expect(places).toEqual(placesIn(text));
    expect(places.length).toBeGreaterThan(40);
  });

  it('is the whole text when no marker shows, as anchoring then reads all of it; beyond 2^25 characters, nothing', () => {
    const text = filler(WHOLE_TEXT_MOST + 1);
    expect(anchorRequestOf(text, pack.markers, pack.radius)).toEqual({ text });
    const huge = ' '.repeat(REQUEST_MOST + 1);
    expect(anchorRequestOf(huge, pack.markers, pack.radius)).toEqual({ length: huge.length, near: [] });
    expect(textOfRequest({ length: huge.length, near: [] }).text).toBe('');
  });

  it('maps every place found in the stretches back to the same characters of the page’s text', () => {
    const piece = fc.oneof(fc.constantFrom(...pack.markers), fc.constantFrom(...PARAGRAPHS), fc.string({ maxLength: 40 }), fc.constant(filler(5_000)));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 150 }), (pieces) => {
        const text = `${pieces.join(' ')}${' '.repeat(WHOLE_TEXT_MOST)}`;
        const { text: sent, pageOffset } = textOfRequest(anchorRequestOf(text, pack.markers, pack.radius));
        for (const place of placesIn(sent)) {
          const onPage = pagePlace(place, pageOffset);
          expect(text.slice(onPage.start, onPage.end)).toBe(sent.slice(place.start, place.end));
        }
      }),
      { numRuns: 30 },
    );
  });
});
