// What an article page's overlay sends the background to anchor its notes in (content/anchor.ts,
// core/anchor-text.ts): the page's text whole, or, for a text too long to cross to the background in
// one short task, only the stretches near the pack's markers, the only text that anchoring
// tokenizes, each at its offset in the page's text.
import { markerWindows } from './markers.ts';
import { segmentAt } from './offsets.ts';

/**
 * Longer texts cross as the stretches near the markers. Chromium serializes a message on the page's
 * main thread: 0.2–0.7 ms for the 15–29 K characters of an article page, 24–26 ms for 5 M.
 */
export const WHOLE_TEXT_MOST = 262_144;
/** The most characters a request carries (2^25), whole or in stretches: far more than any article page's text. */
export const REQUEST_MOST = 33_554_432;

/** A text to anchor in: whole, or its `length` and the stretches near the markers, each at its offset. */
export type AnchorRequest = { text: string } | { length: number; near: Array<[number, string]> };

export function anchorRequestOf(text: string, markers: readonly string[], radius: number): AnchorRequest {
  if (text.length <= WHOLE_TEXT_MOST) return { text };
  const windows = markerWindows(text, markers, radius);
  // No marker shows (invisible characters can hide them all): anchoring reads all of the text, up to a limit.
  if (windows.length === 0) return text.length <= REQUEST_MOST ? { text } : { length: text.length, near: [] };
  const near: Array<[number, string]> = [];
  let carried = 0;
  for (const [start, end] of windows) {
    if (carried + end - start > REQUEST_MOST) break;
    near.push([start, text.slice(start, end)]);
    carried += end - start;
  }
  return { length: text.length, near };
}

/** Between two stretches: no word, no symbol, and the end of a block (core/match.ts). */
const BETWEEN = '\n';

/**
 * The text a request stands for, to anchor in: the whole text, or its stretches one after another,
 * a line break between each two; and the offset in the page's text of each of its offsets that is
 * inside a stretch (a word's start, or the end of its last character).
 */
export function textOfRequest(request: AnchorRequest): { text: string; pageOffset(offset: number): number } {
  if ('text' in request) return { text: request.text, pageOffset: (offset) => offset };
  const starts: number[] = [];
  let at = 0;
  for (const [, stretch] of request.near) {
    starts.push(at);
    at += stretch.length + BETWEEN.length;
  }
  const pageOffset = (offset: number) => {
    const k = segmentAt(starts, offset);
    return request.near[k][0] + offset - starts[k];
  };
  return { text: request.near.map(([, stretch]) => stretch).join(BETWEEN), pageOffset };
}

/** A place's offsets in the page's text: its end is just after its last character, inside a stretch. */
export function pagePlace<T extends { start: number; end: number }>(place: T, pageOffset: (offset: number) => number): T {
  return { ...place, start: pageOffset(place.start), end: pageOffset(place.end - 1) + 1 };
}
