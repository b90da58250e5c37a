// What an article page's overlay sends the background to anchor its notes in (content/anchor.ts,
// core/anchor-text.ts): the page's text whole, or, for a text too long to cross to the background in
// one short task, only the stretches near the pack's markers, the only text that anchoring reads;
// what lies between them is left blank.
import { markerWindows } from './markers.ts';

/**
 * Longer texts cross as the stretches near the markers. Chromium serializes a message on the page's
 * main thread: 0.2–0.7 ms for the 15–29 K characters of an article page, 24–26 ms for 5 M.
 */
export const WHOLE_TEXT_MOST = 262_144;

/** A text to anchor in: whole, or its `length` and the stretches near the markers, each at its offset. */
export type AnchorRequest = { text: string } | { length: number; near: Array<[number, string]> };

export function anchorRequestOf(text: string, markers: readonly string[], radius: number): AnchorRequest {
  if (text.length <= WHOLE_TEXT_MOST) return { text };
  const near = markerWindows(text, markers, radius);
  // No marker shows (invisible characters can hide them all): anchoring reads all of the text.
  if (near.length === 0) return { text };
  return { length: text.length, near: near.map(([start, end]) => [start, text.slice(start, end)]) };
}

/** A line break and spaces: no word, no symbol, and the end of a block (core/match.ts) between stretches. */
const blank = (length: number) => '\n'.padEnd(length, ' ');

/** The text a request stands for: the same length, the stretches sent in their places, blank elsewhere. */
export function textOfRequest(request: AnchorRequest): string {
  if ('text' in request) return request.text;
  const parts: string[] = [];
  let at = 0;
  for (const [start, stretch] of request.near) {
    if (start > at) parts.push(blank(start - at));
    parts.push(stretch);
    at = start + stretch.length;
  }
  if (request.length > at) parts.push(blank(request.length - at));
  return parts.join('');
}
